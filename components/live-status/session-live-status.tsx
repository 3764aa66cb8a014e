'use client';

import { CancelledBadge, EndedBadge, LiveBadge } from '@/components/badges';
import { formatStartsIn } from '@/lib/time';
import { useLiveStatus } from './live-status-provider';

/**
 * "Starts in 2 h 5 min", "Live now" with a Join link to the session's public room, "Ended" or
 * "Cancelled", kept current by the page's LiveStatusScope. The countdown is plain text, never a
 * live region: the scope announces real changes only.
 */
export function SessionLiveStatus({ sessionId }: { sessionId: string }) {
  const { status, label, now } = useLiveStatus(sessionId);
  if (!status) return null;
  return (
    <span data-live-state={status.state} className="inline-flex flex-wrap items-center gap-2">
      {status.state === 'upcoming' ? (
        <span className="text-sm font-medium text-slate-700">{formatStartsIn(Date.parse(status.startsAt) - now)}</span>
      ) : status.state === 'live' ? (
        <>
          <LiveBadge />
          {status.roomUrl ? (
            <a
              href={status.roomUrl}
              target="_blank"
              rel="noopener noreferrer"
              // Above the card's full-size link (its ::after covers the card).
              className="relative z-10 inline-flex min-h-8 items-center gap-1 rounded-lg bg-accent px-3 text-sm font-semibold text-on-accent shadow-sm hover:bg-accent-strong"
            >
              Join
              <span className="sr-only">
                {' '}
                {label} (opens in a new tab)
              </span>
              <span aria-hidden="true">↗</span>
            </a>
          ) : null}
        </>
      ) : status.state === 'ended' ? (
        <EndedBadge />
      ) : (
        <CancelledBadge />
      )}
    </span>
  );
}
