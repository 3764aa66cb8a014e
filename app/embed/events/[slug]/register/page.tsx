import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbedFrame } from '@/components/embed/embed-frame';
import { FullPageLink } from '@/components/embed/full-page-link';
import { EmbedRegistration } from '@/components/embed/embed-registration';
import { loadEmbedEvent } from '@/lib/embed/event-page';
import { EMBED_PATHS } from '@/lib/embed/options';
import { getEventPage } from '@/lib/events/catalog';

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const data = await getEventPage(decodeURIComponent((await params).slug));
  if (!data) return { title: 'Webinar not found' };
  return { title: `Register: ${data.event.title}`, alternates: { canonical: `/events/${encodeURIComponent(data.event.slug)}` } };
}

/** Just the registration form of one event, for a landing page that tells the rest. */
export default async function EmbedRegisterPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const data = await loadEmbedEvent((await params).slug, await searchParams);
  if (!data) notFound();
  const { event, form, context } = data;
  const title = `Register: ${event.title}`;

  return (
    <EmbedFrame
      options={context.options}
      announce={[
        { type: 'ready', kind: 'form', title, path: EMBED_PATHS.form(event.slug) },
        ...(form ? [] : [{ type: 'error' as const, code: 'registration_closed' as const, message: 'Registration is closed for this webinar.' }]),
      ]}
      sessionsOf={form ? { eventId: event.id, eventSlug: event.slug } : undefined}
    >
      {form ? (
        <EmbedRegistration data={{ ...data, form }} heading={{ level: 'h1', text: title }} />
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
