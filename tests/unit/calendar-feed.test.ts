import { describe, expect, it } from 'vitest';
import { calendarFeedLinks, calendarFeedSearch, parseCalendarFeedQuery } from '@/lib/calendar/feed';
import type { ListingFilters } from '@/lib/events/select';

const NONE: ListingFilters = { q: '', from: null, to: null, lang: null, page: 1 };

describe('calendar feed links', () => {
  it.each([
    ['no filters', NONE, 'Europe/Paris', ''],
    ['the page number is not a filter', { ...NONE, page: 3 }, 'Europe/Paris', ''],
    ['search and language', { ...NONE, q: 'café & co', lang: 'fr' }, 'Asia/Kolkata', '?q=caf%C3%A9+%26+co&lang=fr'],
    ['dates in the site zone', { ...NONE, from: '2026-03-01', to: '2026-03-31' }, 'UTC', '?from=2026-03-01&to=2026-03-31'],
    ['dates in another zone', { ...NONE, from: '2026-03-01' }, 'Asia/Kolkata', '?from=2026-03-01&tz=Asia%2FKolkata'],
  ])('%s', (_name, filters, zone, search) => {
    expect(calendarFeedSearch(filters, zone, 'UTC')).toBe(search);
  });

  it('subscribes with webcal:// on the site host and downloads over the page’s own scheme', () => {
    expect(calendarFeedLinks('https://webinars.example.com:8443', { ...NONE, lang: 'de' }, 'UTC', 'UTC')).toEqual({
      subscribe: 'webcal://webinars.example.com:8443/calendar.ics?lang=de',
      download: '/calendar.ics?lang=de',
    });
  });
});

describe('parseCalendarFeedQuery', () => {
  it('reads back what the links write', () => {
    const filters: ListingFilters = { q: 'café & co', from: '2026-03-01', to: null, lang: 'fr', page: 1 };
    const search = calendarFeedSearch(filters, 'America/St_Johns', 'UTC');
    expect(parseCalendarFeedQuery(new URLSearchParams(search), 'UTC')).toEqual({ filters, timeZone: 'America/St_Johns' });
  });

  it.each([
    ['page=4', { filters: NONE, timeZone: 'UTC' }],
    ['tz=Not/AZone&lang=%3Cscript%3E', { filters: NONE, timeZone: 'UTC' }],
    ['q=a&q=b&from=2026-02-30', { filters: { ...NONE, q: 'a' }, timeZone: 'UTC' }],
    ['to=2026-01-01&from=2026-02-01', { filters: { ...NONE, from: '2026-01-01', to: '2026-02-01' }, timeZone: 'UTC' }],
  ])('%s', (search, expected) => {
    expect(parseCalendarFeedQuery(new URLSearchParams(search), 'UTC')).toEqual(expected);
  });
});
