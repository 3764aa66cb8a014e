import { REVALIDATE_SECONDS } from './env';
import { expect, test } from './fixtures';

test('when Livestorm goes down, visitors keep getting the cached pages, and the site spends almost no calls retrying', async ({ page, request, sandbox }) => {
  test.setTimeout(60_000);
  await page.goto('/');
  const ids = async () => page.locator('article[data-session-id]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-session-id')));
  const before = await ids();
  expect(before.length).toBeGreaterThan(0);
  const eventHref = await page.locator('article[data-session-id] a[href^="/events/"]').first().getAttribute('href');

  await sandbox.outage(503, 1_000);
  // Let the cached copy go stale so page views trigger refreshes that fail.
  await page.waitForTimeout((REVALIDATE_SECONDS + 1) * 1000);
  const statsBefore = (await sandbox.stats()) as { requests: number };

  for (let i = 0; i < 30; i += 1) expect((await request.get(i % 3 ? '/' : eventHref!)).status()).toBe(200);
  await page.reload();
  expect(await ids()).toEqual(before);
  await expect(page.getByRole('heading', { name: 'We couldn’t load the webinars' })).toHaveCount(0);

  // One refresh attempt (with its few retries) per backoff window, not one per page view.
  const statsAfter = (await sandbox.stats()) as { requests: number };
  expect(statsAfter.requests - statsBefore.requests).toBeLessThanOrEqual(12);
});
