import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LanguageBadge } from '@/components/badges';
import { EventFacts } from '@/components/event-facts';
import { JsonLd } from '@/components/json-ld';
import { LiveStatusScope } from '@/components/live-status/live-status-scope';
import { SessionLiveStatus } from '@/components/live-status/session-live-status';
import { SessionTime } from '@/components/session-time';
import { TimeZoneSync } from '@/components/time-zone-sync';
import { getConfig } from '@/lib/config';
import { RegistrationSection } from '@/components/registration/registration-section';
import { getEventPage, getViewerTimeZone, requestNow } from '@/lib/events/catalog';
import { getLandingAttribution, getRegistrationForm } from '@/lib/registration/service';
import { isRegistrableSession } from '@/lib/events/select';
import { absoluteUrl, eventPath } from '@/lib/events/urls';
import { buildEventJsonLd } from '@/lib/seo/event-json-ld';
import { pageMetadata } from '@/lib/seo/metadata';
import { eventShareImagePath } from '@/lib/seo/share-image';
import { serverSessionTime } from '@/lib/time';

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const data = await getEventPage(decodeURIComponent(slug));
  if (!data) return { title: 'Webinar not found', robots: { index: false } };
  const { site } = getConfig();
  return {
    ...pageMetadata({
      title: data.event.title,
      description: data.event.summary || `A live webinar from ${site.name}: ${data.event.title}.`,
      canonicalPath: eventPath(data.event.slug),
      site,
    }),
    // Unlisted events are shared by link only.
    robots: data.event.listed ? undefined : { index: false },
  };
}

export default async function EventPage({ params }: { params: Params }) {
  const { slug } = await params;
  // No searchParams here: awaiting them defers the page behind its loading state, which a browser
  // without JavaScript never leaves. The proxy hands over the utm_* parameters instead.
  const [data, form, attribution, viewerTimeZone, now] = await Promise.all([
    getEventPage(decodeURIComponent(slug)),
    getRegistrationForm(decodeURIComponent(slug)),
    getLandingAttribution(),
    getViewerTimeZone(),
    requestNow(),
  ]);
  if (!data) notFound();
  const { event, sessions, canceledSessions } = data;
  const { site } = getConfig();
  const open = sessions.some((session) => isRegistrableSession(session, now));
  const structuredData = buildEventJsonLd({
    event,
    sessions: [...sessions, ...canceledSessions],
    site,
    imageUrl: absoluteUrl(site.url, eventShareImagePath(event.slug)),
    now,
  });

  return (
    <article className="flex flex-col gap-8">
      {structuredData.length > 0 ? <JsonLd data={structuredData} /> : null}
      <TimeZoneSync serverTimeZone={viewerTimeZone} />
      <nav aria-label="Breadcrumb">
        <Link href="/" className="inline-flex min-h-11 items-center font-medium text-accent underline-offset-2 hover:underline">
          ← All webinars
        </Link>
      </nav>

      <header className="flex flex-col gap-4">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{event.title}</h1>
        <EventFacts event={event} locale={site.locale} />
      </header>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="about" className="order-2 lg:order-1">
          <h2 id="about" className="sr-only">
            About this webinar
          </h2>
          {event.descriptionHtml ? (
            <div className="prose-description" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />
          ) : (
            <p className="text-slate-600">The host has not written a description yet.</p>
          )}
        </section>

        <div className="order-1 flex flex-col gap-3 lg:order-2">
          {open && form ? (
            <RegistrationSection form={form} attribution={attribution} now={now} viewerTimeZone={viewerTimeZone} />
          ) : (
            <LiveStatusScope items={sessions.map((session) => ({ session, event }))} now={now}>
              <section aria-labelledby="sessions" className="flex flex-col gap-3">
                <h2 id="sessions" className="text-lg font-semibold text-slate-900">
                  {sessions.length === 1 ? 'Upcoming session' : 'Upcoming sessions'}
                </h2>
                {sessions.length === 0 ? (
                  <p className="rounded-xl border border-dashed border-slate-300 bg-surface p-5 text-slate-600">
                    No upcoming session is scheduled for this webinar right now.
                  </p>
                ) : (
                  <ul className="flex flex-col gap-3" role="list">
                    {sessions.map((session) => (
                      <li key={session.id} data-session-id={session.id} className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-surface p-4 shadow-sm">
                        <span>
                          <SessionLiveStatus sessionId={session.id} />
                        </span>
                        {session.name ? <p className="font-semibold text-slate-900">{session.name}</p> : null}
                        <SessionTime
                          startsAt={session.startsAt}
                          durationMinutes={event.durationMinutes}
                          sessionTimeZone={session.timeZone}
                          locale={site.locale}
                          server={serverSessionTime(session.startsAt, event.durationMinutes, session.timeZone, viewerTimeZone, site.locale)}
                          variant="full"
                        />
                      </li>
                    ))}
                  </ul>
                )}
                {sessions.length > 0 ? (
                  <p className="text-slate-600">Registration is closed: every scheduled session has already started.</p>
                ) : null}
              </section>
            </LiveStatusScope>
          )}
          {event.language ? (
            <p className="text-sm text-slate-600">
              Presented in <LanguageBadge code={event.language} locale={site.locale} />
            </p>
          ) : null}
        </div>
      </div>
    </article>
  );
}
