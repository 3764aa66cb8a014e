import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbedFrame } from '@/components/embed/embed-frame';
import { FullPageLink } from '@/components/embed/full-page-link';
import { RegistrationSection } from '@/components/registration/registration-section';
import { EMBED_PATHS } from '@/lib/embed/options';
import { embedEventMetadata, loadEmbedEventPage } from '@/lib/pages/event-page';
import type { SearchParams } from '@/lib/pages/request';

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return embedEventMetadata((await params).slug, 'Register: ');
}

/** Just the registration form of one event, for a landing page that tells the rest. */
export default async function EmbedRegisterPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const data = await loadEmbedEventPage((await params).slug, await searchParams);
  if (!data) notFound();
  const { event, registration, context } = data;
  const title = `Register: ${event.title}`;

  return (
    <EmbedFrame
      options={context.options}
      announce={[
        { type: 'ready', kind: 'form', title, path: EMBED_PATHS.form(event.slug) },
        ...(registration ? [] : [{ type: 'error' as const, code: 'registration_closed' as const, message: 'Registration is closed for this webinar.' }]),
      ]}
      sessionsOf={registration ? { eventId: event.id, eventSlug: event.slug } : undefined}
    >
      {registration ? (
        <RegistrationSection
          registration={registration}
          now={data.now}
          viewerTimeZone={data.viewerTimeZone}
          locale={data.locale}
          heading={{ level: 'h1', text: title }}
        />
      ) : (
        <>
          <h1 className="text-xl font-bold text-slate-900">{event.title}</h1>
          <p className="rounded-xl border border-dashed border-slate-300 bg-surface p-5 text-slate-700">
            Registration is closed: no session of this webinar is open right now.
          </p>
        </>
      )}
      <FullPageLink slug={event.slug} />
    </EmbedFrame>
  );
}
