import { addConsoleUser as addUser, CONSOLE_PASSWORD as PASSWORD, signInToConsole as signIn } from './console-helpers';
import { expect, test } from './fixtures';

// The marketers' console: accounts from the CLI, sign-in on the server, every page guarded.

test.describe('console', () => {
  const email = `marketer.${Date.now().toString(36)}@example.com`;
  test.beforeAll(() => addUser(email));

  test('anonymous visitors are sent to the sign-in page, which is private and never indexed', async ({ page, request }) => {
    for (const path of ['/console', '/console/status']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/console\/sign-in$/);
    }
    const response = await request.get('/console/sign-in');
    expect(response.headers()['cache-control']).toContain('no-store');
    expect(response.headers()['x-robots-tag']).toContain('noindex');
    expect(response.headers()['x-frame-options']).toBe('DENY');
  });

  test('a wrong password and an unknown e-mail get the same answer; the right one opens the console; sign-out closes it', async ({ page, context, axe }) => {
    await signIn(page, email, 'not the password');
    // The form's own alert (Next's route announcer is an alert region too).
    const alert = page.locator('#sign-in-error');
    await expect(alert).toHaveText('Wrong e-mail address or password.');
    await signIn(page, `nobody.${Date.now()}@example.com`, PASSWORD);
    await expect(alert).toHaveText('Wrong e-mail address or password.');
    expect(await axe.violations(), 'sign-in page').toEqual([]);

    await signIn(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/console$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Console' })).toBeVisible();
    const session = (await context.cookies()).find((cookie) => cookie.name.includes('session_token'));
    expect(session, 'a session cookie').toBeTruthy();
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await axe.violations(), 'overview').toEqual([]);

    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Status' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Site status' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Status' })).toHaveAttribute('aria-current', 'page');
    expect(await axe.violations(), 'status').toEqual([]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/console\/sign-in$/);
    await page.goto('/console');
    await expect(page).toHaveURL(/\/console\/sign-in$/);
  });

  test('sign-in works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/console$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Console' })).toBeVisible();
    await context.close();
  });

  test('repeated failures for one account are slowed down with a clear message', async ({ page }) => {
    const target = `locked.${Date.now().toString(36)}@example.com`;
    addUser(target);
    for (let attempt = 0; attempt < 5; attempt++) {
      await signIn(page, target, `wrong password ${attempt}`);
      await expect(page.locator('#sign-in-error')).toHaveText('Wrong e-mail address or password.');
    }
    await signIn(page, target, PASSWORD);
    await expect(page.locator('#sign-in-error')).toHaveText(/Too many sign-in attempts\. Please wait \d+ minutes? and try again\./);
  });
});
