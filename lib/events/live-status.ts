// zod/mini: this module also runs in the browser, where the full zod would weigh on every page.
import * as z from 'zod/mini';
import { isLiveSession, isVisibleEvent } from './select';
import type { Catalog, Session, WebinarEvent } from '@/lib/livestorm/types';

/**
 * Live status: what open pages poll to turn cards into "Live now" (with a Join link to the public
 * room), "Ended" or "Cancelled" without a reload. Pure, shared by the JSON route, the pages' first
 * render and the browser.
 */

/** The JSON route (app/api/sessions/status/route.ts). */
export const LIVE_STATUS_PATH = '/api/sessions/status';

/**
 * Shared caches (a CDN) answer the polls of every open tab for a few seconds; the browser itself
 * revalidates on each poll (the hook fetches with `cache: 'no-cache'`). What a tab sees is at most
 * s-maxage + stale-while-revalidate = 30 s older than the server's catalog.
 */
export const LIVE_STATUS_CACHE_CONTROL = 'public, max-age=0, s-maxage=5, stale-while-revalidate=25';

/**
 * A session still "upcoming" after its start is waiting for its host: it keeps saying "Starting
 * now" for this long, then counts as ended (Livestorm later calls it past_not_started).
 */
export const LATE_START_GRACE_MS = 60 * 60_000;

/** Browser clocks closer to the server's than this are trusted (polls may be this old in caches). */
export const CLOCK_SKEW_TOLERANCE_MS = 60_000;

const liveStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('upcoming'), startsAt: z.iso.datetime() }),
  z.object({ state: z.literal('live'), roomUrl: z.nullable(z.url({ protocol: /^https?$/ })) }),
  z.object({ state: z.literal('ended') }),
  z.object({ state: z.literal('canceled') }),
]);

/** The route's body. The browser parses every answer with it before showing anything. */
export const liveStatusPayloadSchema = z.object({
  /** When this answer was made (ISO 8601, UTC). */
  serverTime: z.iso.datetime(),
  sessions: z.record(z.string(), liveStatusSchema),
});

export type LiveStatus = z.infer<typeof liveStatusSchema>;
export type LiveState = LiveStatus['state'];
export type LiveStatusPayload = z.infer<typeof liveStatusPayloadSchema>;

/** A session's status at `now`; null for sessions a visitor never sees (drafts, unknown statuses). */
export function liveStatusOf(session: Session, now: number): LiveStatus | null {
  if (isLiveSession(session)) return { state: 'live', roomUrl: session.roomUrl };
  switch (session.status) {
    case 'upcoming':
      return Date.parse(session.startsAt) + LATE_START_GRACE_MS > now
        ? { state: 'upcoming', startsAt: session.startsAt }
        : { state: 'ended' };
    case 'canceled':
      return { state: 'canceled' };
    case 'live': // with an end time: over
    case 'past':
    case 'past_not_started':
    case 'on_demand':
      return { state: 'ended' };
    case 'draft':
    case 'unknown':
      return null;
  }
}

export function buildLiveStatusPayload(sessions: readonly Session[], now: number): LiveStatusPayload {
  const entries: Array<[string, LiveStatus]> = [];
  for (const session of sessions) {
    const status = liveStatusOf(session, now);
    if (status) entries.push([session.id, status]);
  }
  return { serverTime: new Date(now).toISOString(), sessions: Object.fromEntries(entries) };
}

/**
 * Every session a page may be showing: those of published events, listed or not (unlisted event
 * pages are shared by link). One answer for all pages, so shared caches hold a single copy.
 */
export function liveStatusFromCatalog(catalog: Catalog, now: number): LiveStatusPayload {
  const published = new Set(catalog.events.filter(isVisibleEvent).map((event) => event.id));
  return buildLiveStatusPayload(catalog.sessions.filter((session) => published.has(session.eventId)), now);
}

/** A listing card goes once its session is over; a cancelled one stays, saying so, until a reload. */
export function leavesListing(status: LiveStatus | null | undefined): boolean {
  return status?.state === 'ended';
}

/** How a session is named to assistive technology, e.g. in "Join Product demo, APAC". */
export function sessionLabel(event: Pick<WebinarEvent, 'title'>, session: Pick<Session, 'name'>): string {
  return session.name ? `${event.title}, ${session.name}` : event.title;
}

/** Server minus browser clock, or 0 when they agree within CLOCK_SKEW_TOLERANCE_MS. */
export function clockSkewMs(serverTime: number, browserTime: number): number {
  const skew = serverTime - browserTime;
  return Math.abs(skew) < CLOCK_SKEW_TOLERANCE_MS ? 0 : skew;
}

const CHANGE_MESSAGES: Record<LiveState, ((label: string) => string) | null> = {
  upcoming: null,
  live: (label) => `${label} is live now.`,
  ended: (label) => `${label} has ended.`,
  canceled: (label) => `${label} was cancelled.`,
};

/**
 * What a polite live region says when statuses change: real changes only (never the countdown,
 * never a rescheduled start), one sentence per session.
 */
export function liveStatusAnnouncement(
  previous: Readonly<Record<string, LiveStatus>>,
  next: Readonly<Record<string, LiveStatus>>,
  labels: Readonly<Record<string, string>>,
): string {
  const sentences: string[] = [];
  for (const [id, status] of Object.entries(next)) {
    const before = previous[id];
    if (!before || before.state === status.state) continue;
    const message = CHANGE_MESSAGES[status.state];
    if (message) sentences.push(message(labels[id] ?? 'A session'));
  }
  return sentences.join(' ');
}
