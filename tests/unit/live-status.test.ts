import { describe, expect, it } from 'vitest';
import {
  buildLiveStatusPayload,
  clockSkewMs,
  LATE_START_GRACE_MS,
  leavesListing,
  liveStatusAnnouncement,
  liveStatusFromCatalog,
  liveStatusOf,
  liveStatusPayloadSchema,
  sessionLabel,
  type LiveStatus,
} from '@/lib/events/live-status';
import type { Catalog, Session } from '@/lib/livestorm/types';
import { event, session } from './factories';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
const ROOM = 'https://app.livestorm.co/p/ev/live?s=s1';

describe('liveStatusOf', () => {
  it.each<[string, Partial<Session>, LiveStatus | null]>([
    ['upcoming, ahead', { status: 'upcoming', startsAt: at(125) }, { state: 'upcoming', startsAt: at(125) }],
    ['upcoming, its start just passed (host not there yet)', { status: 'upcoming', startsAt: at(-10) }, { state: 'upcoming', startsAt: at(-10) }],
    ['upcoming, never started within the grace', { status: 'upcoming', startsAt: new Date(NOW - LATE_START_GRACE_MS).toISOString() }, { state: 'ended' }],
    ['live', { status: 'live', startsAt: at(-5), startedAt: at(-4), roomUrl: ROOM }, { state: 'live', roomUrl: ROOM }],
    ['live without a room link', { status: 'live', startsAt: at(-5), startedAt: at(-4) }, { state: 'live', roomUrl: null }],
    ['live but with an end time', { status: 'live', startsAt: at(-60), endedAt: at(-1) }, { state: 'ended' }],
    ['past', { status: 'past', startsAt: at(-90) }, { state: 'ended' }],
    ['past, never started', { status: 'past_not_started', startsAt: at(-90) }, { state: 'ended' }],
    ['on demand', { status: 'on_demand', startsAt: at(-90) }, { state: 'ended' }],
    ['cancelled, still ahead', { status: 'canceled', startsAt: at(60), canceledAt: at(-60) }, { state: 'canceled' }],
    ['draft', { status: 'draft', startsAt: at(60) }, null],
    ['unknown status', { status: 'unknown', startsAt: at(60) }, null],
  ])('%s', (_, overrides, expected) => {
    expect(liveStatusOf(session('s1', 'ev', overrides), NOW)).toEqual(expected);
  });
});

describe('the JSON shape', () => {
  const catalog: Catalog = {
    fetchedAt: at(-3),
    events: [event('ev'), event('unlisted', { listed: false }), event('draft-event', { published: false })],
    sessions: [
      session('soon', 'ev', { startsAt: at(4) }),
      session('now', 'ev', { status: 'live', startsAt: at(-5), startedAt: at(-5), roomUrl: ROOM }),
      session('over', 'ev', { status: 'past', startsAt: at(-120) }),
      session('called-off', 'ev', { status: 'canceled', startsAt: at(60) }),
      session('draft-session', 'ev', { status: 'draft', startsAt: at(60) }),
      session('by-link', 'unlisted', { startsAt: at(30) }),
      session('hidden', 'draft-event', { startsAt: at(30) }),
    ],
  };

  it('has the server time and every session of published events, listed or not, by id', () => {
    expect(liveStatusFromCatalog(catalog, NOW)).toEqual({
      serverTime: '2026-03-10T12:00:00.000Z',
      sessions: {
        soon: { state: 'upcoming', startsAt: at(4) },
        now: { state: 'live', roomUrl: ROOM },
        over: { state: 'ended' },
        'called-off': { state: 'canceled' },
        'by-link': { state: 'upcoming', startsAt: at(30) },
      },
    });
  });

  it('survives JSON and the browser’s schema unchanged', () => {
    const payload = liveStatusFromCatalog(catalog, NOW);
    expect(liveStatusPayloadSchema.parse(JSON.parse(JSON.stringify(payload)))).toEqual(payload);
    expect(buildLiveStatusPayload([], NOW)).toEqual({ serverTime: '2026-03-10T12:00:00.000Z', sessions: {} });
  });

  it.each([
    ['a state it does not know', { x: { state: 'paused' } }],
    ['an upcoming session without its start', { x: { state: 'upcoming' } }],
    ['a room link that is not http(s)', { x: { state: 'live', roomUrl: 'javascript:alert(1)' } }],
  ])('is refused by the browser with %s', (_, sessions) => {
    expect(liveStatusPayloadSchema.safeParse({ serverTime: '2026-03-10T12:00:00.000Z', sessions }).success).toBe(false);
  });
});

describe('around the page', () => {
  it('takes only ended sessions off the listing (a cancelled card says so instead)', () => {
    expect(leavesListing({ state: 'ended' })).toBe(true);
    expect(leavesListing({ state: 'canceled' })).toBe(false);
    expect(leavesListing({ state: 'live', roomUrl: null })).toBe(false);
    expect(leavesListing(undefined)).toBe(false);
  });

  it('names a session by its event and its own name', () => {
    expect(sessionLabel({ title: 'Product demo' }, { name: 'APAC' })).toBe('Product demo, APAC');
    expect(sessionLabel({ title: 'Product demo' }, { name: null })).toBe('Product demo');
  });

  it.each([
    [NOW, NOW - 59_000, 0],
    [NOW, NOW + 30_000, 0],
    [NOW, NOW - 10 * 60_000, 10 * 60_000],
    [NOW, NOW + 3_600_000, -3_600_000],
  ])('corrects the browser clock only when it is off by a minute or more (%s vs %s)', (server, browser, skew) => {
    expect(clockSkewMs(server, browser)).toBe(skew);
  });

  it('announces real changes only, one sentence per session', () => {
    const labels = { a: 'Product demo', b: 'Office hours, EMEA', c: 'Roadmap' };
    const before: Record<string, LiveStatus> = {
      a: { state: 'upcoming', startsAt: at(1) },
      b: { state: 'live', roomUrl: ROOM },
      c: { state: 'upcoming', startsAt: at(60) },
    };
    expect(liveStatusAnnouncement(before, before, labels)).toBe('');
    // A rescheduled start is not news for a live region; the countdown shows it.
    expect(liveStatusAnnouncement(before, { ...before, c: { state: 'upcoming', startsAt: at(90) } }, labels)).toBe('');
    expect(
      liveStatusAnnouncement(before, { a: { state: 'live', roomUrl: ROOM }, b: { state: 'ended' }, c: { state: 'canceled' } }, labels),
    ).toBe('Product demo is live now. Office hours, EMEA has ended. Roadmap was cancelled.');
  });
});
