import { describe, expect, it } from 'vitest';
import { buildEventJsonLd, type EventJsonLdInput } from '@/lib/seo/event-json-ld';
import { serializeJsonLd } from '@/lib/seo/json-ld';
import { event, session } from './factories';

const SITE = { url: 'https://webinars.example.com', name: 'Acme Webinars' };
const NOW = Date.parse('2026-02-15T00:00:00Z');
const IMAGE = 'https://webinars.example.com/events/e1/opengraph-image';

function build(overrides: Partial<EventJsonLdInput> = {}) {
  return buildEventJsonLd({ event: event('e1'), sessions: [session('s1', 'e1')], site: SITE, imageUrl: IMAGE, now: NOW, ...overrides });
}

describe('buildEventJsonLd', () => {
  it('describes a session with every property Google asks for', () => {
    const [item, ...rest] = build({ event: event('e1', { title: 'Product demo', slug: 'product demo', language: 'fr' }) });
    expect(rest).toEqual([]);
    expect(item).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Event',
      '@id': 'https://webinars.example.com/events/product%20demo#session-s1',
      name: 'Product demo',
      description: 'A short summary',
      url: 'https://webinars.example.com/events/product%20demo',
      image: [IMAGE],
      startDate: '2026-03-10T15:00:00+01:00',
      endDate: '2026-03-10T16:00:00+01:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', url: 'https://webinars.example.com/events/product%20demo' },
      organizer: { '@type': 'Organization', name: 'Acme Webinars', url: 'https://webinars.example.com' },
      performer: { '@type': 'Person', name: 'Alex Martin' },
      inLanguage: 'fr',
      offers: {
        '@type': 'Offer',
        price: 0,
        priceCurrency: 'USD',
        availability: 'https://schema.org/InStock',
        url: 'https://webinars.example.com/events/product%20demo',
        validFrom: '2026-01-20T09:00:00+01:00',
      },
    });
  });

  it.each([
    // Each session's own zone and the offset in force on that date.
    ['Asia/Kolkata', '2026-03-10T08:30:00.000Z', '2026-03-10T14:00:00+05:30', '2026-03-10T15:00:00+05:30'],
    ['America/St_Johns', '2026-03-07T13:30:00.000Z', '2026-03-07T10:00:00-03:30', '2026-03-07T11:00:00-03:30'],
    ['America/St_Johns', '2026-03-09T12:30:00.000Z', '2026-03-09T10:00:00-02:30', '2026-03-09T11:00:00-02:30'],
    // Starts before the change (NST) and ends after it (NDT): each end carries its own offset.
    ['America/St_Johns', '2026-03-08T05:00:00.000Z', '2026-03-08T01:30:00-03:30', '2026-03-08T03:30:00-02:30'],
    // Ends in the hour DST repeats: the same wall time, told apart by its offset.
    ['Australia/Adelaide', '2026-04-04T16:00:00.000Z', '2026-04-05T02:30:00+10:30', '2026-04-05T02:30:00+09:30'],
    ['UTC', '2026-03-10T14:00:00.000Z', '2026-03-10T14:00:00+00:00', '2026-03-10T15:00:00+00:00'],
  ])('%s %s starts %s and ends %s', (timeZone, startsAt, startDate, endDate) => {
    const [item] = build({ sessions: [session('s1', 'e1', { timeZone, startsAt })] });
    expect(item?.startDate).toBe(startDate);
    expect(item?.endDate).toBe(endDate);
    // The same instants as the catalog's UTC times.
    expect(Date.parse(item!.startDate)).toBe(Date.parse(startsAt));
    expect(Date.parse(item!.endDate!)).toBe(Date.parse(startsAt) + 3_600_000);
  });

  it('announces a cancelled session as cancelled, with its dates and nothing on offer', () => {
    const [item] = build({ sessions: [session('s1', 'e1', { status: 'canceled', canceledAt: '2026-02-01T10:00:00.000Z' })] });
    expect(item?.eventStatus).toBe('https://schema.org/EventCancelled');
    expect(item?.startDate).toBe('2026-03-10T15:00:00+01:00');
    expect(item?.offers).toBeUndefined();
  });

  it('offers seats only while registration is open', () => {
    const items = build({
      sessions: [
        session('live', 'e1', { status: 'live', startsAt: '2026-02-14T23:30:00.000Z', startedAt: '2026-02-14T23:31:00.000Z' }),
        session('open', 'e1'),
      ],
    });
    expect(items.map((item) => [item['@id'].split('#')[1], item.eventStatus.split('/').pop(), item.offers?.availability])).toEqual([
      ['session-live', 'EventScheduled', undefined],
      ['session-open', 'EventScheduled', 'https://schema.org/InStock'],
    ]);
  });

  it('leaves out what is not known rather than guessing', () => {
    const [item] = build({
      event: event('e1', { durationMinutes: null, host: null, summary: '', language: null, publishedAt: null }),
    });
    expect(item).not.toHaveProperty('endDate');
    expect(item).not.toHaveProperty('performer');
    expect(item).not.toHaveProperty('description');
    expect(item).not.toHaveProperty('inLanguage');
    expect(item?.offers).not.toHaveProperty('validFrom');
    expect(item?.startDate).toBe('2026-03-10T15:00:00+01:00');
  });

  it('writes one Event per session, soonest first, named after the session when it has a name', () => {
    const items = build({
      sessions: [
        session('b', 'e1', { startsAt: '2026-04-01T10:00:00.000Z', name: 'APAC' }),
        session('a', 'e1', { startsAt: '2026-03-01T10:00:00.000Z' }),
      ],
    });
    expect(items.map((item) => item.name)).toEqual(['Event e1', 'Event e1 (APAC)']);
  });

  it('takes another currency', () => {
    expect(build({ currency: 'EUR' })[0]?.offers?.priceCurrency).toBe('EUR');
  });
});

describe('serializeJsonLd', () => {
  it('cannot close its script element, and parses back to the same value', () => {
    const value = build({ event: event('e1', { title: '</script><script>alert(1)</script>', summary: 'a <b> & "c" \u2028' }) });
    const json = serializeJsonLd(value);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(value);
  });
});
