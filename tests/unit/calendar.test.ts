import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildCalendar,
  calendarFileName,
  googleCalendarUrl,
  outlookCalendarUrl,
} from '@/lib/calendar/session-calendar';
import { event, session } from './factories';

const SITE = { siteUrl: 'https://webinars.example.com', siteName: 'Acme Webinars' };

function parse(ics: string): ICAL.Component[] {
  const root = new ICAL.Component(ICAL.parse(ics));
  expect(root.name).toBe('vcalendar');
  return root.getAllSubcomponents('vevent');
}

function only(ics: string): ICAL.Component {
  const events = parse(ics);
  expect(events).toHaveLength(1);
  return events[0]!;
}

function text(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  if (typeof value !== 'string') throw new Error(`${name} is not text`);
  return value;
}

/** The property as a UTC instant: it must carry no TZID and be a UTC date-time (…Z). */
function utcInstant(component: ICAL.Component, name: string): string {
  const property = component.getFirstProperty(name);
  const value = property?.getFirstValue();
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
  expect(property?.getParameter('tzid')).toBeUndefined();
  expect(value.isDate).toBe(false);
  expect(value.zone).toBe(ICAL.Timezone.utcTimezone);
  return value.toJSDate().toISOString();
}

describe('buildCalendar', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    // 14:00 IST (UTC+5:30)
    { zone: 'Asia/Kolkata', startsAt: '2026-03-10T08:30:00.000Z', duration: 45, endsAt: '2026-03-10T09:15:00.000Z' },
    // 13:00 NDT (UTC-2:30)
    { zone: 'America/St_Johns', startsAt: '2026-07-01T15:30:00.000Z', duration: 90, endsAt: '2026-07-01T17:00:00.000Z' },
    // 01:30 EST to 03:30 EDT on the night clocks go forward: one hour, not two.
    { zone: 'America/New_York', startsAt: '2026-03-08T06:30:00.000Z', duration: 60, endsAt: '2026-03-08T07:30:00.000Z' },
    // 02:30 CEST to 02:30 CET on the night clocks go back: one hour, not zero.
    { zone: 'Europe/Paris', startsAt: '2026-10-25T00:30:00.000Z', duration: 60, endsAt: '2026-10-25T01:30:00.000Z' },
    // No duration from Livestorm: one hour.
    { zone: 'Asia/Kolkata', startsAt: '2026-03-10T20:00:00.000Z', duration: null, endsAt: '2026-03-10T21:00:00.000Z' },
  ])('$zone $startsAt: DTSTART/DTEND are the UTC instants', ({ zone, startsAt, duration, endsAt }) => {
    const vevent = only(
      buildCalendar([{ event: event('e1', { durationMinutes: duration }), session: session('s1', 'e1', { timeZone: zone, startsAt }) }], SITE),
    );
    expect(utcInstant(vevent, 'dtstart')).toBe(startsAt);
    expect(utcInstant(vevent, 'dtend')).toBe(endsAt);
  });

  it('writes the identity, links and status of a session', () => {
    const ics = buildCalendar([{ event: event('e1', { title: 'Product demo', slug: 'product demo' }), session: session('s-42', 'e1') }], SITE);
    const vevent = only(ics);
    const pageUrl = 'https://webinars.example.com/events/product%20demo';
    expect(text(vevent, 'uid')).toBe('s-42@webinars.example.com');
    expect(text(vevent, 'summary')).toBe('Product demo');
    expect(text(vevent, 'url')).toBe(pageUrl);
    expect(text(vevent, 'location')).toBe(pageUrl);
    expect(text(vevent, 'description')).toBe(`A short summary\n\n${pageUrl}`);
    expect(text(vevent, 'status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(0);
    expect(utcInstant(vevent, 'dtstamp')).toBe('2026-02-01T09:15:00.000Z');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('\r\nMETHOD:PUBLISH\r\n');
    expect(ics).toContain('\r\nPRODID:-//Acme Webinars//Webinars//EN\r\n');
    // A one-off download must not ask Outlook to open a separate calendar.
    expect(ics).not.toContain('X-WR-CALNAME');
  });

  it('keeps the host out, with the port, and names the session', () => {
    const ics = buildCalendar([{ event: event('e1', { title: 'Demo' }), session: session('s1', 'e1', { name: 'EMEA' }) }], {
      siteUrl: 'http://localhost:3000',
      siteName: 'Local',
    });
    const vevent = only(ics);
    expect(text(vevent, 'summary')).toBe('Demo (EMEA)');
    expect(text(vevent, 'uid')).toBe('s1@localhost:3000');
    expect(text(vevent, 'url')).toBe('http://localhost:3000/events/e1');
    for (const forbidden of ['Alex Martin', 'ATTENDEE', 'ORGANIZER', '42']) expect(ics).not.toContain(forbidden);
  });

  it('marks a canceled session CANCELLED, as a newer revision stamped at the cancellation', () => {
    const vevent = only(
      buildCalendar(
        [{ event: event('e1'), session: session('s1', 'e1', { status: 'canceled', canceledAt: '2026-03-01T10:00:00.000Z' }) }],
        SITE,
      ),
    );
    expect(text(vevent, 'status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(1);
    expect(utcInstant(vevent, 'dtstamp')).toBe('2026-03-01T10:00:00.000Z');
  });

  it.each([
    { name: 'event update', updatedAt: '2026-02-01T09:15:00.000Z' },
    { name: 'no update time', updatedAt: null },
  ])('is byte-identical across builds at different times ($name)', ({ updatedAt }) => {
    const items = [
      { event: event('e1', { updatedAt }), session: session('s2', 'e1', { startsAt: '2026-04-02T10:00:00.000Z' }) },
      { event: event('e1', { updatedAt }), session: session('s1', 'e1') },
    ];
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const first = buildCalendar(items, SITE);
    vi.setSystemTime(new Date('2027-06-15T12:34:56Z'));
    const second = buildCalendar(items, SITE);
    // Input order is not an input that matters either.
    const reversed = buildCalendar([...items].reverse(), SITE);
    expect(second).toBe(first);
    expect(reversed).toBe(first);
    if (updatedAt === null) expect(first).toContain('DTSTAMP:20260310T140000Z');
  });

  it('writes one VEVENT per session, soonest first, each session once', () => {
    const a = event('a');
    const b = event('b');
    const vevents = parse(
      buildCalendar(
        [
          { event: a, session: session('late', 'a', { startsAt: '2026-05-01T10:00:00.000Z' }) },
          { event: b, session: session('early', 'b', { startsAt: '2026-04-01T10:00:00.000Z' }) },
          { event: a, session: session('late', 'a', { startsAt: '2026-05-01T10:00:00.000Z' }) },
        ],
        { ...SITE, calendarName: 'Acme webinars' },
      ),
    );
    expect(vevents.map((vevent) => text(vevent, 'uid'))).toEqual(['early@webinars.example.com', 'late@webinars.example.com']);
  });

  it('tells subscribers how often to refresh a feed, and a single file nothing', () => {
    const items = [{ event: event('e1'), session: session('s1', 'e1') }];
    const feed = new ICAL.Component(ICAL.parse(buildCalendar(items, { ...SITE, refreshIntervalSeconds: 3_600 })));
    expect(String(feed.getFirstPropertyValue('refresh-interval'))).toBe('PT1H');
    expect(String(feed.getFirstPropertyValue('x-published-ttl'))).toBe('PT1H');
    const file = buildCalendar(items, SITE);
    expect(file).not.toMatch(/REFRESH-INTERVAL|X-PUBLISHED-TTL/);
  });

  const tricky = [
    { name: 'commas and semicolons', value: 'Q&A, tips; tricks\\and "quotes"' },
    { name: 'line breaks', value: 'Line one\nLine two\r\nLine three' },
    { name: 'non-ASCII', value: 'Café déjà vu — 日本語のウェビナー 🎉 Ünïcödé' },
    { name: 'long text folded mid-character', value: `${'é'.repeat(37)}🎉${'日本'.repeat(40)}, ${'x;'.repeat(50)}` },
  ];

  it.each(tricky)('round-trips $name through ical.js', ({ value }) => {
    const vevent = only(
      buildCalendar([{ event: event('e1', { title: value, summary: value }), session: session('s1', 'e1', { name: value }) }], SITE),
    );
    const expected = value.replace(/\r\n/g, '\n');
    expect(text(vevent, 'summary')).toBe(`${expected} (${expected})`);
    expect(text(vevent, 'description')).toBe(`${expected}\n\nhttps://webinars.example.com/events/e1`);
  });

  it('keeps every content line within 75 octets', () => {
    const long = tricky[3]!.value;
    const ics = buildCalendar([{ event: event('e1', { title: long, summary: long }), session: session('s1', 'e1') }], SITE);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('escapes the calendar name and strips control characters, so nothing can inject a property', () => {
    const ics = buildCalendar(
      [{ event: event('e1', { title: 'Bell\u0007 and NUL\u0000 here' }), session: session('s1', 'e1') }],
      { ...SITE, siteName: 'Acme // Inc', calendarName: 'Acme, Inc; webinars\nMETHOD:REQUEST' },
    );
    const root = new ICAL.Component(ICAL.parse(ics));
    expect(root.getAllProperties('method').map((property) => property.getFirstValue())).toEqual(['PUBLISH']);
    // ical.js keeps NAME and X-WR-CALNAME raw (it does not know them as TEXT), so check the escaped form.
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Acme\\, Inc\\; webinars\\nMETHOD:REQUEST');
    expect(ics).toContain('\r\nNAME:Acme\\, Inc\\; webinars\\nMETHOD:REQUEST\r\n');
    expect(root.getFirstPropertyValue('prodid')).toBe('-//Acme / Inc//Webinars//EN');
    expect(text(only(ics), 'summary')).toBe('Bell and NUL here');
  });
});

describe('calendar links', () => {
  const item = {
    event: event('e1', { title: 'Café, Q&A; live', slug: 'café q&a', summary: 'Ask us anything.\nReally + truly.', durationMinutes: 45 }),
    session: session('s1', 'e1', { timeZone: 'Asia/Kolkata', startsAt: '2026-03-10T08:30:00.000Z', name: 'Asia' }),
    siteUrl: SITE.siteUrl,
  };
  const pageUrl = 'https://webinars.example.com/events/caf%C3%A9%20q%26a';

  it('builds a Google Calendar template link', () => {
    const raw = googleCalendarUrl(item);
    const url = new URL(raw);
    expect(`${url.origin}${url.pathname}`).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('text')).toBe('Café, Q&A; live (Asia)');
    expect(url.searchParams.get('dates')).toBe('20260310T083000Z/20260310T091500Z');
    expect(url.searchParams.get('details')).toBe(`Ask us anything.\nReally + truly.\n\n${pageUrl}`);
    expect(url.searchParams.get('location')).toBe(pageUrl);
    expect([...url.searchParams.keys()]).toEqual(['action', 'text', 'dates', 'details', 'location']);
  });

  it('builds an Outlook on the web compose link', () => {
    const raw = outlookCalendarUrl(item);
    const url = new URL(raw);
    expect(`${url.origin}${url.pathname}`).toBe('https://outlook.office.com/calendar/0/deeplink/compose');
    expect(url.searchParams.get('path')).toBe('/calendar/action/compose');
    expect(url.searchParams.get('rru')).toBe('addevent');
    expect(url.searchParams.get('subject')).toBe('Café, Q&A; live (Asia)');
    expect(url.searchParams.get('startdt')).toBe('2026-03-10T08:30:00Z');
    expect(url.searchParams.get('enddt')).toBe('2026-03-10T09:15:00Z');
    expect(url.searchParams.get('body')).toBe(`Ask us anything.\nReally + truly.\n\n${pageUrl}`);
    expect(url.searchParams.get('location')).toBe(pageUrl);
  });

  it.each([googleCalendarUrl, outlookCalendarUrl])('%o encodes spaces as %20, never "+" (Outlook shows a literal +)', (build) => {
    const raw = build(item);
    expect(new URL(raw).search).not.toMatch(/\+/);
    expect(raw).toContain('%20');
  });
});

describe('calendarFileName', () => {
  it.each([
    { slug: 'product-demo', zone: 'Europe/Paris', startsAt: '2026-03-10T14:00:00.000Z', expected: 'product-demo-2026-03-10.ics' },
    { slug: 'Café Q&A', zone: 'Europe/Paris', startsAt: '2026-03-10T14:00:00.000Z', expected: 'cafe-q-a-2026-03-10.ics' },
    { slug: '../../etc/passwd', zone: 'UTC', startsAt: '2026-03-10T14:00:00.000Z', expected: 'etc-passwd-2026-03-10.ics' },
    { slug: 'a"b\r\nc', zone: 'UTC', startsAt: '2026-03-10T14:00:00.000Z', expected: 'a-b-c-2026-03-10.ics' },
    { slug: '日本語', zone: 'UTC', startsAt: '2026-03-10T14:00:00.000Z', expected: 'webinar-2026-03-10.ics' },
    // 01:30 the next day in Kolkata: the session's own day, not the UTC one.
    { slug: 'late', zone: 'Asia/Kolkata', startsAt: '2026-03-10T20:00:00.000Z', expected: 'late-2026-03-11.ics' },
    { slug: 'odd-zone', zone: 'Not/AZone', startsAt: '2026-03-10T20:00:00.000Z', expected: 'odd-zone-2026-03-10.ics' },
    { slug: 'x'.repeat(200), zone: 'UTC', startsAt: '2026-03-10T14:00:00.000Z', expected: `${'x'.repeat(60)}-2026-03-10.ics` },
  ])('$slug → $expected', ({ slug, zone, startsAt, expected }) => {
    const name = calendarFileName(event('e1', { slug }), session('s1', 'e1', { timeZone: zone, startsAt }));
    expect(name).toBe(expected);
    expect(name).toMatch(/^[a-z0-9-]+\.ics$/);
  });
});
