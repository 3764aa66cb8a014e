import Link from 'next/link';
import type { SessionWithEvent } from '@/lib/livestorm/types';
import { formatDuration, serverSessionTime } from '@/lib/time';
import { LanguageBadge } from './badges';
import { SessionLiveStatus } from './live-status/session-live-status';
import { SessionTime } from './session-time';

interface SessionCardProps {
  item: SessionWithEvent;
  viewerTimeZone: string | null;
  locale: string;
  headingLevel?: 'h3' | 'h2';
  /** Where the card leads: the event page, or the embed's event view. */
  href?: string;
}

/** One session in a listing; its live status comes from the LiveStatusScope around the page. */
export function SessionCard({ item: { session, event }, viewerTimeZone, locale, headingLevel: Heading = 'h3', href }: SessionCardProps) {
  const duration = formatDuration(event.durationMinutes);
  return (
    <article data-session-id={session.id} className="group relative flex flex-col gap-3 rounded-xl border border-slate-200 bg-surface p-5 shadow-sm transition hover:border-accent/60 hover:shadow-md focus-within:border-accent sm:flex-row sm:items-start sm:gap-6">
      <div className="min-w-40 shrink-0 text-sm font-medium text-slate-700 sm:pt-0.5">
        <SessionTime
          startsAt={session.startsAt}
          durationMinutes={event.durationMinutes}
          sessionTimeZone={session.timeZone}
          locale={locale}
          server={serverSessionTime(session.startsAt, event.durationMinutes, session.timeZone, viewerTimeZone, locale, { withOriginal: false })}
        />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <SessionLiveStatus sessionId={session.id} />
          {event.language ? <LanguageBadge code={event.language} locale={locale} /> : null}
          {duration ? <span className="text-xs text-slate-600">{duration}</span> : null}
        </div>
        <Heading className="text-lg font-semibold leading-snug text-slate-900">
          <Link
            href={href ?? `/events/${encodeURIComponent(event.slug)}`}
            className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none group-hover:text-accent-strong"
          >
            {event.title}
            {session.name ? <span className="font-normal text-slate-600"> · {session.name}</span> : null}
          </Link>
        </Heading>
        {event.summary ? <p className="line-clamp-2 text-sm text-slate-600">{event.summary}</p> : null}
        {event.host ? <p className="text-sm text-slate-600">Hosted by {event.host.name}</p> : null}
      </div>
    </article>
  );
}
