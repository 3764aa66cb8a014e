import type { Page } from '@playwright/test';

/** Session ids the listing shows from `start` on, following "Next page" to the end. */
export async function collectListing(page: Page, start = '/'): Promise<string[]> {
  const ids: string[] = [];
  await page.goto(start);
  for (let guard = 0; guard < 20; guard += 1) {
    ids.push(...(await page.locator('article[data-session-id]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-session-id') ?? ''))));
    const next = page.getByRole('link', { name: /next page/i });
    if ((await next.count()) === 0) break;
    await next.click();
    await page.waitForURL(/page=\d+/);
  }
  return ids;
}
