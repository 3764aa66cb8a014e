import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbedFrame } from '@/components/embed/embed-frame';
import { FullPageLink } from '@/components/embed/full-page-link';
import { EventFacts } from '@/components/event-facts';
import { RegistrationSection } from '@/components/registration/registration-section';
import { EMBED_PATHS } from '@/lib/embed/options';
import { embedEventMetadata, loadEmbedEventPage } from '@/lib/pages/event-page';
import type { SearchParams } from '@/lib/pages/request';

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return embedEventMetadata((await params).slug);
}

/** One event for other sites: what it is about, and its registration form while a session is open. */
export default async function EmbedEventPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const data = await loadEmbedEventPage((await params).slug, await searchParams);
  if (!data) notFound();
  const { event, registration, context } = data;

  return (
    <EmbedFrame
      options={context.options}
      announce={[{ type: 'ready', kind: 'event', title: event.title, path: EMBED_PATHS.event(event.slug) }]}
      sessionsOf={registration ? { eventId: event.id, eventSlug: event.slug } : undefined}
    >
      <header className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{event.title}</h1>
        <EventFacts event={event} locale={data.locale} />
      </header>
      {event.descriptionHtml ? <div className="prose-description" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} /> : null}
      {registration ? (
        <RegistrationSection registration={registration} now={data.now} viewerTimeZone={data.viewerTimeZone} locale={data.locale} />
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-surface p-5 text-slate-700">
          {data.sessions.length === 0
            ? 'No upcoming session is scheduled for this webinar right now.'
            : 'Registration is closed: every scheduled session has already started.'}
        </p>
      )}
      <FullPageLink slug={event.slug} />
    </EmbedFrame>
  );
}
