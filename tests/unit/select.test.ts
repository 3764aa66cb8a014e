import { describe, expect, it } from 'vitest';
import {
  filterListing,
  groupByDay,
  paginate,
  parseListingFilters,
  selectEventBySlug,
  selectUpcoming,
} from '@/lib/events/select';
import type { Catalog, Session, WebinarEvent } from '@/lib/livestorm/types';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const hours = (n: number) => new Date(NOW + n * 3_600_000).toISOString();

function event(id: string, overrides: Partial<WebinarEvent> = {}): WebinarEvent {
  return {
    id, slug: id, title: `Event ${id}`, descriptionHtml: '', summary: '', durationMinutes: 60, language: 'en',
    host: { name: 'Alex Martin', avatarUrl: null }, published: true, listed: true, registrationUrl: null, fields: [],
    publishedAt: null, updatedAt: null, ...overrides,
  };
}

function session(id: string, eventId: string, overrides: Partial<Session> = {}): Session {
  return {
    id, eventId, name: null, status: 'upcoming', timeZone: 'Europe/Paris', startsAt: hours(24), startedAt: null,
    endedAt: null, canceledAt: null, registrantsCount: 0, roomUrl: null, ...overrides,
  };
}

const catalog: Catalog = {
  fetchedAt: new Date(NOW).toISOString(),
  events: [
    event('main', { title: 'Café analytics', summary: 'Dashboards for everyone' }),
    event('unlisted', { listed: false }),
    event('draft', { published: false }),
    event('french', { language: 'fr', title: 'Démo produit' }),
  ],
  sessions: [
    session('later', 'main', { startsAt: hours(48) }),
    session('soon', 'main', { startsAt: hours(2) }),
    session('live', 'main', { status: 'live', startsAt: hours(-0.5), startedAt: hours(-0.4) }),
    session('ended-live', 'main', { status: 'live', startsAt: hours(-3), startedAt: hours(-3), endedAt: hours(-2) }),
    session('late-host', 'main', { startsAt: hours(-0.2) }),
    session('past', 'main', { status: 'past', startsAt: hours(-30), endedAt: hours(-29) }),
    session('canceled', 'main', { status: 'canceled', startsAt: hours(5), canceledAt: hours(-1) }),
    session('draft-session', 'main', { status: 'draft', startsAt: hours(6) }),
    session('unlisted-session', 'unlisted', { startsAt: hours(3) }),
    session('draft-event-session', 'draft', { startsAt: hours(3) }),
    session('fr', 'french', { startsAt: hours(30), timeZone: 'Europe/Paris' }),
    session('orphan', 'missing-event', { startsAt: hours(3) }),
  ],
};

describe('selectUpcoming', () => {
  it('lists exactly the open sessions of published, listed events, soonest first', () => {
    expect(selectUpcoming(catalog, NOW).map(({ session: s }) => s.id)).toEqual(['live', 'soon', 'fr', 'later']);
  });
});

describe('selectEventBySlug', () => {
  it('finds unlisted events by link, with their open sessions', () => {
    expect(selectEventBySlug(catalog, 'unlisted', NOW)?.sessions.map((s) => s.id)).toEqual(['unlisted-session']);
  });

  it('never shows drafts or unknown slugs', () => {
    expect(selectEventBySlug(catalog, 'draft', NOW)).toBeNull();
    expect(selectEventBySlug(catalog, 'nope', NOW)).toBeNull();
  });

  it('keeps only open sessions of the event', () => {
    expect(selectEventBySlug(catalog, 'main', NOW)?.sessions.map((s) => s.id)).toEqual(['live', 'soon', 'later']);
  });

  it('keeps cancelled sessions still ahead apart, for structured data', () => {
    const past = session('canceled-past', 'main', { status: 'canceled', startsAt: hours(-5), canceledAt: hours(-48) });
    const data = selectEventBySlug({ ...catalog, sessions: [...catalog.sessions, past] }, 'main', NOW);
    expect(data?.canceledSessions.map((s) => s.id)).toEqual(['canceled']);
  });
});

describe('listing filters', () => {
  const items = selectUpcoming(catalog, NOW);
  const ids = (filters: Record<string, string>, zone = 'UTC') =>
    filterListing(items, parseListingFilters(filters).filters, zone).map(({ session: s }) => s.id);

  it('matches text across title and summary, accent- and case-insensitive', () => {
    expect(ids({ q: 'cafe' })).toEqual(['live', 'soon', 'later']);
    expect(ids({ q: 'DASHBOARDS everyone' })).toEqual(['live', 'soon', 'later']);
    expect(ids({ q: 'demo' })).toEqual(['fr']);
    expect(ids({ q: 'nothing-like-this' })).toEqual([]);
  });

  it('filters by language', () => {
    expect(ids({ lang: 'fr' })).toEqual(['fr']);
    expect(ids({ lang: 'FR' })).toEqual(['fr']);
  });

  it('filters by date range in the given zone, keeping live sessions', () => {
    expect(ids({ from: '2026-03-11' })).toEqual(['live', 'fr', 'later']);
    expect(ids({ to: '2026-03-10' })).toEqual(['live', 'soon']);
    // 2026-03-11T18:00Z is already the 12th in Tokyo.
    expect(ids({ from: '2026-03-12', to: '2026-03-12' }, 'Asia/Tokyo')).toEqual(['live', 'fr', 'later']);
  });

  it('explains and ignores bad parameters', () => {
    const { filters, problems } = parseListingFilters({ from: 'yesterday', lang: '<script>', page: '-3' });
    expect(filters).toEqual({ q: '', from: null, to: null, lang: null, page: 1 });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('"yesterday" is not a date');
  });

  it('swaps a reversed date range', () => {
    const { filters, problems } = parseListingFilters({ from: '2026-04-01', to: '2026-03-01' });
    expect([filters.from, filters.to]).toEqual(['2026-03-01', '2026-04-01']);
    expect(problems).toEqual(['The end date is before the start date, so the dates were swapped.']);
  });
});

describe('grouping and pagination', () => {
  it('groups by calendar day in the viewer zone', () => {
    const items = selectUpcoming(catalog, NOW);
    expect(groupByDay(items, 'UTC').map((g) => [g.day, g.items.length])).toEqual([
      ['2026-03-10', 2],
      ['2026-03-11', 1],
      ['2026-03-12', 1],
    ]);
    // In Tokyo (UTC+9) "soon" (14:00Z) is 23:00 on the 10th, "fr" (18:00Z on the 11th) is the 12th.
    expect(groupByDay(items, 'Asia/Tokyo').map((g) => g.day)).toEqual(['2026-03-10', '2026-03-12']);
  });

  it('paginates and clamps the page', () => {
    const list = Array.from({ length: 45 }, (_, i) => i);
    expect(paginate(list, 3, 20)).toEqual({ items: [40, 41, 42, 43, 44], page: 3, pageCount: 3, total: 45 });
    expect(paginate(list, 99, 20).page).toBe(3);
    expect(paginate([], 1, 20)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
  });
});
