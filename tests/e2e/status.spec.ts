import type { APIRequestContext } from '@playwright/test';
import { SANDBOX_TOKEN, STATUS_SECRET } from './env';
import { expect, test, type SandboxHelpers } from './fixtures';
import { addConsoleUser, consoleEmail, signInToConsole } from './console-helpers';
import { postRegistration, scrapeForm, SIMPLE_SLUG, sleep, uniqueEmail } from './registration-helpers';

// The operators' status report: /status.json for monitors (STATUS_SECRET is set in siteEnv; without
// a secret it is a plain 404, covered by tests/unit/status-routes.test.ts), and the same report as a
// page in the console, /console/status, where /status now leads.

const basic = (password: string, user = 'ops') => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const bearer = (secret: string) => `Bearer ${secret}`;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/** Upstream calls status views may spend: the token check and the subscriptions listing. */
async function statusCalls(sandbox: SandboxHelpers): Promise<{ ping: number; webhooks: number }> {
  const byRoute = (await sandbox.stats()).byRoute as Record<string, number>;
  // The sandbox has no /webhooks (yet): such calls are counted as unmatched.
  return { ping: byRoute['GET /ping'] ?? 0, webhooks: (byRoute['GET /webhooks'] ?? 0) + (byRoute['GET (unmatched)'] ?? 0) };
}

async function statusJson(request: APIRequestContext) {
  const response = await request.get('/status.json', { headers: { Authorization: bearer(STATUS_SECRET) } });
  return { response, report: (await response.json()) as Record<string, unknown> };
}

test('without the right secret: 401 with a Basic challenge and nothing of the report', async ({ request }) => {
  const refused: Array<string | undefined> = [
    undefined,
    basic('wrong-secret-0123456789abcdef'),
    bearer('wrong-secret-0123456789abcdef'),
    basic(STATUS_SECRET.slice(0, -1)),
    basic('', STATUS_SECRET.replace('e2e', 'E2E')),
    bearer(SANDBOX_TOKEN),
    STATUS_SECRET,
  ];
  for (const path of ['/status.json']) {
    for (const authorization of refused) {
      const response = await request.get(path, { headers: authorization ? { Authorization: authorization } : {} });
      const what = `${path} with ${authorization ?? 'no credentials'}`;
      expect(response.status(), what).toBe(401);
      expect(response.headers()['www-authenticate'], what).toMatch(/^Basic realm="status"/);
      expect(response.headers()['x-robots-tag'], what).toContain('noindex');
      expect(response.headers()['cache-control'], what).toContain('no-store');
      const body = await response.text();
      expect(body, what).not.toContain('tokenCheck');
      expect(body, what).not.toContain('Registration outbox');
    }
  }
  // The secret is never taken from the URL (URLs end up in logs).
  expect((await request.get(`/status.json?secret=${STATUS_SECRET}`)).status()).toBe(401);
  // The page moved into the console, whatever the credentials; router prefetches too.
  const variants: Array<Record<string, string>> = [{}, { Authorization: basic(STATUS_SECRET) }, { 'next-router-prefetch': '1', RSC: '1' }];
  for (const headers of variants) {
    const moved = await request.get('/status', { headers, maxRedirects: 0 });
    expect(moved.status()).toBe(308);
    expect(moved.headers()['location']).toMatch(/\/console\/status$/);
  }
});

test('viewing the status costs at most one token check (and one subscriptions listing) per cache window', async ({ request, sandbox }) => {
  const before = await statusCalls(sandbox);
  for (let view = 0; view < 6; view += 1) {
    expect((await statusJson(request)).response.status()).toBe(200);
  }
  const after = await statusCalls(sandbox);
  expect(after.ping - before.ping).toBeLessThanOrEqual(1);
  expect(after.webhooks - before.webhooks).toBeLessThanOrEqual(1);
});

test('the JSON form has every figure with its type, and answers 200 unless failing', async ({ request }) => {
  // A listing view makes sure the catalog has been loaded, so its cache has an age.
  expect((await request.get('/')).ok()).toBe(true);
  const { response, report } = await statusJson(request);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  expect(response.headers()['x-robots-tag']).toContain('noindex');
  expect(response.headers()['cache-control']).toContain('no-store');

  expect(report).toMatchObject({
    status: expect.stringMatching(/^(ok|degraded)$/),
    reasons: expect.any(Array),
    generatedAt: expect.any(String),
    mode: 'live',
    api: { host: expect.stringMatching(/^127\.0\.0\.1:\d+$/) },
    tokenCheck: { result: 'ok', checkedAt: expect.any(String), detail: null },
    quota: {
      monthlyLimit: expect.any(Number),
      monthlyRemaining: expect.any(Number),
      remainingPercent: expect.any(Number),
      observedAt: expect.any(String),
      callsSinceStart: expect.any(Number),
    },
    calls: { windowDays: 30, total: expect.any(Number), reads: expect.any(Number), writes: expect.any(Number) },
    sync: { lastSuccessAt: expect.any(String), ageSeconds: expect.any(Number), intervalSeconds: expect.any(Number) },
    webhooks: {
      subscriptions: { available: expect.any(Boolean), checkedAt: expect.any(String) },
      counts: { accepted: expect.any(Number), duplicate: expect.any(Number), refused: expect.any(Number), ignored: expect.any(Number) },
    },
    outbox: {
      available: true,
      depth: expect.any(Number),
      settled: { registered: expect.any(Number), already_registered: expect.any(Number), closed: expect.any(Number), rejected: expect.any(Number) },
    },
  });
  const { quota, calls, caches } = report as unknown as {
    quota: { monthlyLimit: number; monthlyRemaining: number };
    calls: { total: number; reads: number; writes: number };
    caches: Array<{ key: string; ageSeconds: number | null; fetchedAt: string | null; fresh: boolean }>;
  };
  expect(quota.monthlyRemaining).toBeLessThan(quota.monthlyLimit);
  expect(calls.total).toBe(calls.reads + calls.writes);
  expect(calls.reads).toBeGreaterThanOrEqual(3); // at least one refresh (2) and one token check
  const catalog = caches.find((cache) => cache.key.startsWith('catalog-live-'));
  expect(catalog).toMatchObject({ ageSeconds: expect.any(Number), fetchedAt: expect.any(String), fresh: expect.any(Boolean) });
});

test('nothing personal and no token on the page or in the JSON, after a registration', async ({ browser, request, page }) => {
  const email = uniqueEmail('status');
  const form = await scrapeForm(browser, SIMPLE_SLUG);
  await sleep(1_100); // REGISTRATION_MIN_FILL_SECONDS=1
  const result = await postRegistration(request, form, { email, first_name: 'Status', last_name: 'Private' }, { forwardedFor: '198.51.100.77' });
  expect(result.status).toBe(303);

  const marketer = consoleEmail('status-reader');
  addConsoleUser(marketer);
  await signInToConsole(page, marketer);
  await expect(page).toHaveURL(/\/console$/);
  await page.goto('/console/status');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Site status');
  // The page itself: the marketer's own address in the header aside.
  const report = await page.locator('main').innerText();
  const json = await request.get('/status.json', { headers: { Authorization: bearer(STATUS_SECRET) } });
  for (const [what, body] of [
    ['page', report],
    ['JSON', await json.text()],
  ] as const) {
    expect(body, what).not.toContain(email);
    expect(body, what).not.toContain('Private');
    expect(body, what).not.toMatch(EMAIL);
    expect(body, what).not.toContain(SANDBOX_TOKEN);
    expect(body, what).not.toContain(STATUS_SECRET);
  }
});

test.describe('in the console', () => {
  const marketer = consoleEmail('status-page');
  test.beforeAll(() => addConsoleUser(marketer));

  test('the page shows every section, is not indexed, and has no axe violations on desktop and phone', async ({ page, axe }) => {
    await signInToConsole(page, marketer);
    await expect(page).toHaveURL(/\/console$/);
    // The old address leads here.
    const response = await page.goto('/status');
    expect(page.url()).toMatch(/\/console\/status$/);
    expect(response!.status()).toBe(200);
    expect(response!.headers()['x-robots-tag']).toContain('noindex');
    expect(response!.headers()['cache-control']).toContain('no-store');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Site status');
    for (const section of ['Livestorm', 'Event data', 'Webhooks', 'Registration outbox']) {
      await expect(page.getByRole('region', { name: section, exact: true })).toBeVisible();
    }
    const livestorm = page.getByRole('region', { name: 'Livestorm', exact: true });
    await expect(livestorm.getByText('Live (your Livestorm workspace)')).toBeVisible();
    await expect(livestorm.locator('[data-result="ok"]')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Caches', exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Settled registrations, last 30 days', exact: true })).toBeVisible();
    // Server-rendered: the report needs no client JavaScript.
    await expect(page.locator('[data-status]')).toHaveText(/^(OK|Degraded|Failing)$/);

    for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 812 }]) {
      await page.setViewportSize(viewport);
      await page.goto('/console/status');
      expect(await axe.violations(), `/console/status at ${viewport.width}px`).toEqual([]);
    }
  });
});
