import { expect, test } from './fixtures';
import { expectedListing, upstreamState } from './upstream';

test('listing, event and 404 pages have no axe violations (WCAG 2.2 AA), on desktop and phone', async ({ page, axe, sandbox }) => {
  const state = await upstreamState(sandbox);
  const first = state.sessions.find((s) => s.id === expectedListing(state)[0])!;
  const event = state.events.find((e) => e.id === first.attributes.event_id)!;
  for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 812 }]) {
    await page.setViewportSize(viewport);
    for (const path of ['/', `/events/${event.attributes.slug}`, '/events/missing', '/?q=zzzz-none']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await axe.violations(), `${path} at ${viewport.width}px`).toEqual([]);
    }
  }
});

test('keyboard users can skip to content and reach every card link', async ({ page }) => {
  await page.goto('/');
  // After hydration: the router's first history entry would otherwise replace the URL, #main and all.
  await page.waitForLoadState('networkidle');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('the demo notice is absent when a real token is configured (the e2e site uses one)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Demo data.')).toHaveCount(0);
});
