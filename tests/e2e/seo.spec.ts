import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import ICAL from 'ical.js';
import { SITE_URL } from './env';
import { expect, test } from './fixtures';
import { collectListing } from './listing-helpers';
import { expectedListing, upstreamState, type RawSession } from './upstream';

/** What the tests read of a schema.org Event. */
interface EventLd {
  '@context': string;
  '@type': string;
  '@id': string;
  name: string;
  url: string;
  image: string[];
  startDate: string;
  endDate?: string;
  eventStatus: string;
  eventAttendanceMode: string;
  location: { '@type': string; url: string };
  organizer: { '@type': string; name: string; url: string };
  offers?: { '@type': string; price: number; priceCurrency: string; availability: string; url: string };
}

/**
 * A page as a crawler reads it: server HTML, no JavaScript. (In a browser, the time zone sync's
 * router.refresh() can leave a second copy of the head tags: vercel/next.js#97472.)
 */
async function crawlerPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

async function jsonLd(page: Page): Promise<EventLd[]> {
  const scripts = page.locator('script[type="application/ld+json"]');
  await expect(scripts).toHaveCount(1);
  const raw = (await scripts.textContent()) ?? '';
  expect(raw, 'no "<" can end the script early').not.toContain('<');
  return JSON.parse(raw) as EventLd[];
}

/** The zone's UTC offset at an instant as ISO 8601 writes it (+05:30), computed apart from the site's code. */
function isoOffset(instantMs: number, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instantMs))
    .find((part) => part.type === 'timeZoneName')!.value;
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

function sessionIdOf(item: EventLd): string {
  return decodeURIComponent(item['@id'].split('#session-')[1] ?? '');
}

/** Session ids of a calendar (UIDs are "<session id>@<host>"). */
function calendarSessionIds(ics: string): string[] {
  const root = new ICAL.Component(ICAL.parse(ics));
  return root.getAllSubcomponents('vevent').map((vevent) => String(vevent.getFirstPropertyValue('uid')).split('@')[0]!);
}

async function fetchCalendar(request: APIRequestContext, path: string): Promise<string[]> {
  const response = await request.get(path);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  expect(response.headers()['cache-control']).toMatch(/max-age=\d+/);
  return calendarSessionIds(await response.text());
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
async function pngSize(request: APIRequestContext, url: string): Promise<{ width: number; height: number }> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  const body = await response.body();
  expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(body.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

async function canonical(page: Page): Promise<string> {
  return (await page.locator('link[rel="canonical"]').getAttribute('href')) ?? '';
}

test('an event page describes each session as a schema.org Event in the session’s own zone', async ({ browser, request, sandbox }) => {
  const state = await upstreamState(sandbox);
  const expected = expectedListing(state);
  const sessions = new Map(state.sessions.map((s) => [s.id, s]));
  // The listed event with the most open sessions, as in event.spec.ts.
  const counts = new Map<string, number>();
  for (const id of expected) {
    const eventId = sessions.get(id)!.attributes.event_id;
    counts.set(eventId, (counts.get(eventId) ?? 0) + 1);
  }
  const [eventId] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const event = state.events.find((e) => e.id === eventId)!;
  const pageUrl = `${SITE_URL}/events/${event.attributes.slug}`;

  const { context, page } = await crawlerPage(browser);
  await page.goto(`/events/${event.attributes.slug}`);
  const items = await jsonLd(page);
  const open = expected.filter((id) => sessions.get(id)!.attributes.event_id === eventId);
  expect(items.map(sessionIdOf).filter((id) => open.includes(id))).toEqual(open);

  for (const item of items) {
    const session = sessions.get(sessionIdOf(item))!;
    const start = session.attributes.estimated_started_at * 1000;
    expect(item).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: expect.stringContaining(event.attributes.title),
      url: pageUrl,
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', url: pageUrl },
      organizer: { '@type': 'Organization', url: SITE_URL },
    });
    expect(item.eventStatus).toBe(session.attributes.status === 'canceled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled');
    // Local wall time with the offset of the session's zone on that date, for the same instant.
    expect(item.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(item.startDate.slice(-6)).toBe(isoOffset(start, session.attributes.timezone));
    expect(Date.parse(item.startDate)).toBe(start);
    if (item.endDate) expect(Date.parse(item.endDate)).toBeGreaterThan(start);
    if (session.attributes.status === 'upcoming') {
      expect(item.offers).toMatchObject({ '@type': 'Offer', price: 0, availability: 'https://schema.org/InStock', url: pageUrl });
    }
  }

  // Each session the page shows has its Event, starting at the time shown.
  const shown = await page.locator('li[data-session-id]').evaluateAll((lis) =>
    lis.map((li) => ({ id: li.getAttribute('data-session-id') ?? '', at: li.querySelector('time')?.getAttribute('datetime') ?? '' })),
  );
  expect(shown.length).toBeGreaterThan(1);
  for (const { id, at } of shown) {
    const item = items.find((candidate) => sessionIdOf(candidate) === id);
    expect(item, `JSON-LD for shown session ${id}`).toBeTruthy();
    expect(Date.parse(item!.startDate)).toBe(Date.parse(at));
  }

  // The image it names is the page's own share image.
  const ogImage = (await page.locator('meta[property="og:image"]').getAttribute('content')) ?? '';
  expect(items[0]!.image).toEqual([ogImage.split('?')[0]]);
  expect(await pngSize(request, items[0]!.image[0]!)).toEqual({ width: 1200, height: 630 });
  await context.close();
});

test('a cancelled session still ahead is announced as cancelled, and not shown', async ({ browser, sandbox }) => {
  const state = await upstreamState(sandbox);
  const canceled = state.sessions.find(
    (s: RawSession) => s.attributes.status === 'canceled' && s.attributes.estimated_started_at * 1000 > Date.now(),
  );
  expect(canceled, 'the seed has a cancelled future session').toBeTruthy();
  const event = state.events.find((e) => e.id === canceled!.attributes.event_id)!;
  const { context, page } = await crawlerPage(browser);
  await page.goto(`/events/${event.attributes.slug}`);
  const item = (await jsonLd(page)).find((candidate) => sessionIdOf(candidate) === canceled!.id);
  expect(item?.eventStatus).toBe('https://schema.org/EventCancelled');
  expect(Date.parse(item!.startDate)).toBe(canceled!.attributes.estimated_started_at * 1000);
  expect(item?.offers).toBeUndefined();
  await expect(page.locator(`[data-session-id="${canceled!.id}"]`)).toHaveCount(0);
  await context.close();
});

test('share images are 1200×630 PNGs, with a 404 for unknown events', async ({ browser, request, sandbox }) => {
  const state = await upstreamState(sandbox);
  const first = state.sessions.find((s) => s.id === expectedListing(state)[0])!;
  const event = state.events.find((e) => e.id === first.attributes.event_id)!;
  const { context, page } = await crawlerPage(browser);
  await page.goto(`/events/${event.attributes.slug}`);
  const images = {
    og: (await page.locator('meta[property="og:image"]').getAttribute('content')) ?? '',
    twitter: (await page.locator('meta[name="twitter:image"]').getAttribute('content')) ?? '',
  };
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
  await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute('content', '630');
  for (const url of Object.values(images)) {
    expect(url.startsWith(`${SITE_URL}/events/${event.attributes.slug}/`)).toBe(true);
    expect(await pngSize(request, url)).toEqual({ width: 1200, height: 630 });
  }
  const unknown = new URL(images.og).pathname.replace(event.attributes.slug, 'no-such-webinar');
  expect((await request.get(unknown)).status()).toBe(404);

  // The listing has the site-wide card.
  await page.goto('/');
  const site = (await page.locator('meta[property="og:image"]').getAttribute('content')) ?? '';
  expect(site.startsWith(`${SITE_URL}/opengraph-image`)).toBe(true);
  expect(await pngSize(request, site)).toEqual({ width: 1200, height: 630 });
  await context.close();
});

test('pages carry canonical URLs and Open Graph basics; filtered listings are not indexed', async ({ browser, sandbox }) => {
  const state = await upstreamState(sandbox);
  const first = state.sessions.find((s) => s.id === expectedListing(state)[0])!;
  const event = state.events.find((e) => e.id === first.attributes.event_id)!;
  const { context, page } = await crawlerPage(browser);

  await page.goto('/');
  expect(new URL(await canonical(page)).href).toBe(`${SITE_URL}/`);
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute('content', /.+/);

  await page.goto('/?page=2');
  expect(await canonical(page)).toBe(`${SITE_URL}/?page=2`);

  await page.goto('/?q=demo&lang=en');
  expect(new URL(await canonical(page)).href).toBe(`${SITE_URL}/`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, follow');

  await page.goto(`/events/${event.attributes.slug}`);
  const eventUrl = `${SITE_URL}/events/${event.attributes.slug}`;
  expect(await canonical(page)).toBe(eventUrl);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', eventUrl);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', event.attributes.title);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.+/);
  await context.close();
});

test('the sitemap lists the listing and every published, listed event; robots.txt points to it', async ({ request, sandbox }) => {
  const state = await upstreamState(sandbox);
  const response = await request.get('/sitemap.xml');
  expect(response.status()).toBe(200);
  const locs = [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
  const listed = state.events.filter((e) => e.attributes.status === 'published' && e.attributes.show_in_company_page !== false);
  expect(listed.length).toBeGreaterThan(1);
  expect(locs.sort()).toEqual([`${SITE_URL}/`, ...listed.map((e) => `${SITE_URL}/events/${e.attributes.slug}`)].sort());

  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/^User-Agent: \*$/m);
  expect(robots).toMatch(/^Disallow: \/registrations\/$/m);
  expect(robots).not.toMatch(/embed/);
  expect(robots).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
});

test('/calendar.ics holds exactly the sessions the listing shows, for the same filters', async ({ page, request, sandbox }) => {
  const state = await upstreamState(sandbox);
  const expected = expectedListing(state);
  const sessions = new Map(state.sessions.map((s) => [s.id, s]));
  const someEvent = state.events.find((e) => e.id === sessions.get(expected[0]!)!.attributes.event_id)!;
  const otherLanguage = state.events.find(
    (e) => e.attributes.language && e.attributes.language !== 'en' && expected.some((id) => sessions.get(id)!.attributes.event_id === e.id),
  )!;

  const all = await fetchCalendar(request, '/calendar.ics');
  expect(all).toEqual(await collectListing(page, '/'));
  expect(all).toEqual(expected);

  const q = `?q=${encodeURIComponent(someEvent.attributes.title)}`;
  const byTitle = await fetchCalendar(request, `/calendar.ics${q}`);
  expect(byTitle.length).toBeGreaterThan(0);
  expect(byTitle).toEqual(await collectListing(page, `/${q}`));

  // Through the page's own links: the filters carry over, and page numbers do not.
  const lang = `?lang=${otherLanguage.attributes.language}`;
  await page.goto(`/${lang}&page=1`);
  const subscribe = page.getByRole('link', { name: 'Subscribe to calendar' });
  await expect(subscribe).toHaveAttribute('href', `webcal://${new URL(SITE_URL).host}/calendar.ics${lang}`);
  const download = page.getByRole('link', { name: 'Download .ics file' });
  await expect(download).toHaveAttribute('href', `/calendar.ics${lang}`);
  const byLanguage = await fetchCalendar(request, (await download.getAttribute('href'))!);
  expect(byLanguage.length).toBeGreaterThan(0);
  expect(byLanguage).toEqual(await collectListing(page, `/${lang}`));
});
