import { expect, test } from './fixtures';
import { collectListing } from './listing-helpers';
import { expectedListing, upstreamState } from './upstream';

test('the listing shows exactly the open sessions of listed, published events, soonest first', async ({ page, sandbox }) => {
  const expected = expectedListing(await upstreamState(sandbox));
  expect(expected.length).toBeGreaterThan(20); // the seed is long enough to paginate
  expect(await collectListing(page)).toEqual(expected);
});

test('a running session is marked live now, and past, cancelled and draft ones never appear', async ({ page, sandbox }) => {
  const state = await upstreamState(sandbox);
  const live = state.sessions.find((s) => s.attributes.status === 'live' && s.attributes.ended_at === 0);
  expect(live, 'the seed has a live session').toBeTruthy();
  await page.goto('/');
  await expect(page.locator(`article[data-session-id="${live!.id}"]`).getByText('Live now')).toBeVisible();

  const hidden = state.sessions.filter((s) => ['past', 'canceled', 'draft'].includes(s.attributes.status)).map((s) => s.id);
  expect(hidden.length).toBeGreaterThan(0);
  const shown = await collectListing(page);
  for (const id of hidden) expect(shown).not.toContain(id);
});

test('days are grouped and times shown in the visitor’s time zone', async ({ browser, sandbox }) => {
  const state = await upstreamState(sandbox);
  const firstUpcoming = expectedListing(state).map((id) => state.sessions.find((s) => s.id === id)!).find((s) => s.attributes.status === 'upcoming')!;
  for (const [timezoneId, label] of [
    ['Asia/Kolkata', 'GMT+5:30'],
    ['America/St_Johns', /GMT-[23]:30/],
  ] as const) {
    const context = await browser.newContext({ timezoneId });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto('/');
    const card = page.locator(`article[data-session-id="${firstUpcoming.id}"] time`);
    await expect(card).toContainText(label);
    const expectedDay = new Intl.DateTimeFormat('en-CA', { timeZone: timezoneId, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(firstUpcoming.attributes.estimated_started_at * 1000),
    );
    // After the browser told the server its zone, the card sits under its local day.
    await expect(page.locator(`section:has(article[data-session-id="${firstUpcoming.id}"]) h2 time`)).toHaveAttribute('datetime', expectedDay);
    expect(errors.filter((e) => /hydrat/i.test(e))).toEqual([]);
    await context.close();
  }
});

test('search, language and date filters live in the URL and work without JavaScript', async ({ browser, sandbox }) => {
  const state = await upstreamState(sandbox);
  const expected = expectedListing(state);
  const byId = new Map(state.events.map((e) => [e.id, e]));
  const sessionsById = new Map(state.sessions.map((s) => [s.id, s]));
  const someEvent = byId.get(sessionsById.get(expected[0]!)!.attributes.event_id)!;

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Search').fill(someEvent.attributes.title);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=/);
  const found = await page.locator('article[data-session-id]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-session-id')));
  expect(found.length).toBeGreaterThan(0);
  expect(found).toEqual(expected.filter((id) => sessionsById.get(id)!.attributes.event_id === someEvent.id).slice(0, found.length));

  const otherLanguage = state.events.find((e) => e.attributes.language && e.attributes.language !== 'en' && expected.some((id) => sessionsById.get(id)!.attributes.event_id === e.id))!;
  await page.goto(`/?lang=${otherLanguage.attributes.language}`);
  const inLanguage = await page.locator('article[data-session-id]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-session-id')));
  expect(inLanguage).toEqual(
    expected.filter((id) => byId.get(sessionsById.get(id)!.attributes.event_id)!.attributes.language === otherLanguage.attributes.language),
  );

  await page.goto('/?q=zzzz-no-such-webinar');
  await expect(page.getByRole('heading', { name: 'No webinars match your filters' })).toBeVisible();

  await page.goto('/?from=not-a-date');
  await expect(page.getByRole('status').filter({ hasText: '"not-a-date" is not a date' })).toBeVisible();
  await context.close();
});

test('page views are served from the cache, not from Livestorm', async ({ page, request, sandbox }) => {
  await page.goto('/'); // warm
  const before = (await sandbox.stats()) as { requests: number };
  for (let i = 0; i < 40; i += 1) expect((await request.get(i % 2 ? '/' : '/?q=demo')).status()).toBe(200);
  const after = (await sandbox.stats()) as { requests: number };
  // At most one background refresh (a handful of calls) may fall inside the window.
  expect(after.requests - before.requests).toBeLessThanOrEqual(6);
});
