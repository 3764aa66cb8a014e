import type { Page } from '@playwright/test';
import { LIVE_STATUS_POLL_SECONDS, REVALIDATE_SECONDS } from './env';
import { expect, test } from './fixtures';
import { expectedListing, upstreamState } from './upstream';

const STATUS_PATH = '/api/sessions/status';
const POLL_MS = LIVE_STATUS_POLL_SECONDS * 1000;
/**
 * From a change in Livestorm to an open page, with nothing but the cache's own revalidation (no
 * webhook): the cache's window, its background refresh, two polls, and a margin for a busy machine.
 */
const PROPAGATION_MS = REVALIDATE_SECONDS * 1000 + 2 * POLL_MS + 10_000;

type StatusBody = { serverTime: string; sessions: Record<string, { state: string; startsAt?: string; roomUrl?: string | null }> };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A page that was reloaded loses this; one updated in place keeps it. */
async function markPage(page: Page) {
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
}
async function isSamePage(page: Page) {
  return page.evaluate(() => (window as Window & { __sameDocument?: boolean }).__sameDocument === true);
}

async function sessionState(request: { get: (url: string) => Promise<{ json: () => Promise<unknown> }> }, id: string) {
  const body = (await (await request.get(STATUS_PATH)).json()) as StatusBody;
  return body.sessions[id]?.state ?? null;
}

test('a session that starts turns "Live now" with a Join link, and once over leaves the listing and says "Ended", without a reload', async ({
  page,
  request,
  sandbox,
  axe,
}) => {
  test.setTimeout(30_000 + 3 * PROPAGATION_MS);
  const state = await upstreamState(sandbox);
  const soon = Date.now() + 15 * 60_000;
  const open = new Set(expectedListing(state));
  const startsLater = new Set(
    state.sessions.filter((s) => open.has(s.id) && s.attributes.status === 'upcoming' && s.attributes.estimated_started_at * 1000 > soon).map((s) => s.id),
  );

  const listing = page;
  await listing.goto('/');
  await listing.waitForLoadState('networkidle');
  // Rather a session alone on its day, to see the day go with it.
  const days = await listing.locator('section[aria-labelledby^="day-"]').evaluateAll((sections) =>
    sections.map((section) => ({
      heading: section.getAttribute('aria-labelledby') ?? '',
      ids: Array.from(section.querySelectorAll('article[data-session-id]'), (card) => card.getAttribute('data-session-id') ?? ''),
    })),
  );
  const day = days.find((d) => d.ids.length === 1 && startsLater.has(d.ids[0]!)) ?? days.find((d) => d.ids.some((id) => startsLater.has(id)));
  expect(day, 'page 1 shows a session that starts later').toBeTruthy();
  const sessionId = day!.ids.find((id) => startsLater.has(id))!;
  const raw = await sandbox.api<{ data: { attributes: { event_id: string; name: string | null; room_link: string } } }>(`/sessions/${sessionId}`);
  const event = state.events.find((e) => e.id === raw.data.attributes.event_id)!;
  const label = raw.data.attributes.name ? `${event.attributes.title}, ${raw.data.attributes.name}` : event.attributes.title;

  const eventPage = await page.context().newPage();
  await eventPage.goto(`/events/${event.attributes.slug}`);
  await eventPage.waitForLoadState('networkidle');
  const card = listing.locator(`article[data-session-id="${sessionId}"]`);
  const item = eventPage.locator(`li[data-session-id="${sessionId}"]`);
  for (const [where, tab] of [[card, listing], [item, eventPage]] as const) {
    await expect(where.locator('[data-live-state]')).toHaveText(/^Starts in \d+ (min|h|days?)\b/);
    await markPage(tab);
  }

  try {
    await sandbox.setSessionStatus(sessionId, 'live');
    for (const where of [card, item]) {
      await expect(where.getByText('Live now')).toBeVisible({ timeout: PROPAGATION_MS });
      const join = where.getByRole('link', { name: new RegExp(`^Join ${escapeRegExp(label)} \\(opens in a new tab\\)`) });
      await expect(join).toHaveAttribute('href', raw.data.attributes.room_link);
      await expect(join).toHaveAttribute('target', '_blank');
    }
    // Said once, politely; the countdown never is.
    await expect(listing.getByRole('status').filter({ hasText: `${label} is live now.` })).toHaveCount(1);
    expect(await axe.violations({ include: 'main' }), 'listing with a Join link').toEqual([]);

    await sandbox.setSessionStatus(sessionId, 'past');
    await expect(card).toHaveCount(0, { timeout: PROPAGATION_MS });
    const dayHeading = listing.locator(`[id="${day!.heading}"]`);
    if (day!.ids.length === 1) await expect(dayHeading).toHaveCount(0);
    else await expect(dayHeading).toBeVisible();
    await expect(item.locator('[data-live-state]')).toHaveText('Ended', { timeout: PROPAGATION_MS });
    await expect(item.getByRole('link', { name: /^Join/ })).toHaveCount(0);

    expect(await isSamePage(listing), 'the listing was updated in place').toBe(true);
    expect(await isSamePage(eventPage), 'the event page was updated in place').toBe(true);
  } finally {
    await sandbox.setSessionStatus(sessionId, 'upcoming');
    await eventPage.close();
  }
  // The specs that follow expect the site's cache in step with the sandbox again.
  await expect.poll(() => sessionState(request, sessionId), { timeout: PROPAGATION_MS }).toBe('upcoming');
});

test('the status route answers from the cached catalog (no Livestorm call per poll), briefly cacheable by shared caches', async ({
  request,
  sandbox,
}) => {
  const state = await upstreamState(sandbox);
  expect((await request.get(STATUS_PATH)).ok()).toBe(true); // warm
  const before = (await sandbox.stats()) as { requests: number };
  for (let i = 0; i < 30; i += 1) {
    const response = await request.get(STATUS_PATH);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toMatch(/\bs-maxage=\d+\b.*\bstale-while-revalidate=\d+\b/);
    expect(response.headers()['set-cookie']).toBeUndefined();
  }
  const after = (await sandbox.stats()) as { requests: number };
  // At most the catalog's own background refresh (a couple of calls) may fall inside the window.
  expect(after.requests - before.requests).toBeLessThanOrEqual(3);

  const body = (await (await request.get(STATUS_PATH)).json()) as StatusBody;
  expect(Math.abs(Date.parse(body.serverTime) - Date.now())).toBeLessThan(60_000);
  for (const id of expectedListing(state)) expect(['upcoming', 'live'], id).toContain(body.sessions[id]?.state);
  const live = state.sessions.find((s) => s.attributes.status === 'live' && s.attributes.ended_at === 0)!;
  const raw = await sandbox.api<{ data: { attributes: { room_link: string } } }>(`/sessions/${live.id}`);
  // The public room, never anybody's personal join link.
  expect(body.sessions[live.id]).toEqual({ state: 'live', roomUrl: raw.data.attributes.room_link });
  expect(raw.data.attributes.room_link).not.toMatch(/[?&](email|key)=/);
  const drafts = state.sessions.filter((s) => s.attributes.status === 'draft').map((s) => s.id);
  for (const id of drafts) expect(body.sessions[id]).toBeUndefined();
});

test('an open page polls once per interval however many cards, and not at all while its tab is hidden', async ({ page }) => {
  test.setTimeout(30_000 + 12 * POLL_MS);
  // What a browser does when a tab goes to the background: document.visibilityState turns "hidden"
  // and visibilitychange fires. SWR reads exactly these, so its own pause logic is what is tested.
  await page.addInitScript(() => {
    let hidden = false;
    Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden });
    Object.assign(window, {
      __setTabHidden: (value: boolean) => {
        hidden = value;
        document.dispatchEvent(new Event('visibilitychange'));
      },
    });
  });
  const polls: number[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === STATUS_PATH) polls.push(Date.now());
  });
  const setHidden = (value: boolean) =>
    page.evaluate((hide) => (window as Window & { __setTabHidden?: (value: boolean) => void }).__setTabHidden!(hide), value);

  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(await page.locator('article[data-session-id]').count()).toBeGreaterThan(5);

  const visibleFrom = polls.length;
  await page.waitForTimeout(3.5 * POLL_MS);
  const visiblePolls = polls.length - visibleFrom;
  expect(visiblePolls, 'about one request per interval for the whole page').toBeGreaterThanOrEqual(2);
  expect(visiblePolls).toBeLessThanOrEqual(4);

  await setHidden(true);
  await page.waitForTimeout(500); // a request already under way may still land
  const hiddenFrom = polls.length;
  await page.waitForTimeout(4 * POLL_MS);
  expect(polls.length - hiddenFrom, 'no request while hidden').toBe(0);

  // Back to the tab: asking again within an interval (at once, through SWR's focus revalidation).
  await setHidden(false);
  await expect.poll(() => polls.length - hiddenFrom, { timeout: POLL_MS }).toBeGreaterThan(0);
});

test('without JavaScript the page already says it all: countdowns, "Live now" and Join', async ({ browser, sandbox }) => {
  const state = await upstreamState(sandbox);
  const live = state.sessions.find((s) => s.attributes.status === 'live' && s.attributes.ended_at === 0)!;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const card = page.locator(`article[data-session-id="${live.id}"]`);
  await expect(card.getByText('Live now')).toBeVisible();
  await expect(card.getByRole('link', { name: /^Join .* \(opens in a new tab\)$/ })).toHaveAttribute('href', /^https:\/\//);
  const upcoming = expectedListing(state).find((id) => id !== live.id)!;
  await expect(page.locator(`article[data-session-id="${upcoming}"] [data-live-state="upcoming"]`)).toHaveText(/^Starts in /);
  await context.close();
});
