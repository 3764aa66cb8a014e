import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LanguageBadge } from '@/components/badges';
import { EventFacts } from '@/components/event-facts';
import { JsonLd } from '@/components/json-ld';
import { LiveStatusScope } from '@/components/live-status/live-status-scope';
import { SessionLiveStatus } from '@/components/live-status/session-live-status';
import { RegistrationSection } from '@/components/registration/registration-section';
import { SessionTime } from '@/components/session-time';
import { TimeZoneSync } from '@/components/time-zone-sync';
import { eventPageMetadata, loadSiteEventPage } from '@/lib/pages/event-page';
import { serverSessionTime } from '@/lib/time';

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return eventPageMetadata((await params).slug);
}

export default async function EventPage({ params }: { params: Params }) {
  // No searchParams here: awaiting them defers the page behind its loading state, which a browser
  // without JavaScript never leaves. The proxy hands over the utm_* parameters instead.
  const view = await loadSiteEventPage((await params).slug);
  if (!view) notFound();
  const { event, sessions, structuredData, viewerTimeZone, locale } = view;

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
        <EventFacts event={event} locale={locale} />
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
          {view.registration ? (
            <RegistrationSection registration={view.registration} now={view.now} viewerTimeZone={viewerTimeZone} locale={locale} />
          ) : (
            <LiveStatusScope items={sessions.map((session) => ({ session, event }))} now={view.now}>
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
                          locale={locale}
                          server={serverSessionTime(session.startsAt, event.durationMinutes, session.timeZone, viewerTimeZone, locale)}
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
              Presented in <LanguageBadge code={event.language} locale={locale} />
            </p>
          ) : null}
        </div>
      </div>
    </article>
  );
}
