// Webhooks end to end: a second site (long revalidation interval) subscribed to the sandbox with
// the operators' CLI; the sandbox signs and POSTs its changes; the site refreshes at once.
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SANDBOX_URL, WEBHOOK_SECRET, WEBHOOK_SITE_PORT, siteEnv } from './env';
import { expect, test, type SandboxHelpers } from './fixtures';
import { SIMPLE_SLUG, sleep, startSite } from './registration-helpers';
import type { RawEvent, RawSession } from './upstream';

test.describe.configure({ mode: 'serial' });

/** Computed here, independently of the site's code: `<ts>,<sha256 hex of ts + secret + body>` (§8.5). */
function sign(body: string, secret: string, timestampSeconds = Math.floor(Date.now() / 1000)): string {
  return `${timestampSeconds},${createHash('sha256').update(`${timestampSeconds}${secret}${body}`).digest('hex')}`;
}

function sessionEnvelope(event: string, session: { id: string; attributes: Record<string, unknown> }): string {
  return JSON.stringify({
    data: { id: session.id, type: 'sessions', attributes: session.attributes, meta: { webhook: { event, organization_id: randomUUID() } } },
  });
}

interface Stats {
  requests: number;
  byRoute: Record<string, number>;
}
const stats = async (sandbox: SandboxHelpers) => (await sandbox.stats()) as unknown as Stats;

/** Waits until no upstream call has arrived for `quietMs`, then returns the stats. */
async function settledStats(sandbox: SandboxHelpers, quietMs = 1_500): Promise<Stats> {
  let last = await stats(sandbox);
  for (;;) {
    await sleep(quietMs);
    const now = await stats(sandbox);
    if (now.requests === last.requests) return now;
    last = now;
  }
}

const site = {
  url: `http://127.0.0.1:${WEBHOOK_SITE_PORT}`,
  hook: `http://127.0.0.1:${WEBHOOK_SITE_PORT}/api/livestorm/webhooks`,
  env: {
    ...siteEnv(mkdtempSync(path.join(tmpdir(), 'livestorm-e2e-webhooks-'))),
    SITE_URL: `http://127.0.0.1:${WEBHOOK_SITE_PORT}`,
    // An hour: anything that shows up sooner came through a webhook.
    LIVESTORM_REVALIDATE_SECONDS: '3600',
  },
  kill: async (): Promise<void> => undefined,
};

function webhooksCli(command: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/webhooks.ts', command], {
    env: { ...process.env, ...site.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  // startSite's first page view loads the catalog, so later refreshes are the webhooks' doing.
  site.kill = (await startSite(WEBHOOK_SITE_PORT, site.env)).kill;
  const setup = webhooksCli('setup');
  expect(setup.status, setup.stderr).toBe(0);
  expect(setup.stdout).toContain('5 created');
});

test.afterAll(async () => {
  webhooksCli('remove');
  await site.kill();
});

let createdSession: RawSession | null = null;

test('forged, stale and unsigned deliveries are refused with 401 and cost no refresh', async ({ request, sandbox }) => {
  const body = sessionEnvelope('session.created', { id: randomUUID(), attributes: { event_id: randomUUID(), status: 'upcoming' } });
  const before = await settledStats(sandbox, 500);
  const cases: Array<[string | null, string]> = [
    [sign(body, 'guessed-secret'), 'Signature does not match'],
    [sign(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 3_600), 'more than 300 s old'],
    [null, 'Missing x-livestorm-signature header'],
  ];
  for (const [signature, message] of cases) {
    const response = await request.post(site.hook, {
      data: body,
      headers: { 'Content-Type': 'application/json', ...(signature === null ? {} : { 'x-livestorm-signature': signature }) },
    });
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: expect.stringContaining(message) });
  }
  expect((await settledStats(sandbox)).requests).toBe(before.requests);
});

test('a session created in Livestorm shows on / within seconds, for exactly one catalog refresh', async ({ request, sandbox }) => {
  test.setTimeout(60_000);
  const [events, sessions] = await Promise.all([
    sandbox.api<{ data: RawEvent[] }>('/events?page[size]=50'),
    sandbox.api<{ data: RawSession[]; meta: { record_count: number } }>(
      `/sessions?page[size]=1&filter[date_from]=${Math.floor(Date.now() / 1000) - 86_400}`,
    ),
  ]);
  const event = events.data.find((e) => e.attributes.slug === SIMPLE_SLUG)!;
  // The catalog reads every event and the sessions since yesterday, 50 a page; the new one included.
  const catalogCalls = Math.max(1, Math.ceil(events.data.length / 50)) + Math.max(1, Math.ceil((sessions.meta.record_count + 1) / 50));
  // The soonest session on the listing: an hour from now, on a 5-minute mark.
  const startsAt = Math.ceil((Date.now() / 1000 + 3_600) / 300) * 300;
  expect(await (await request.get(`${site.url}/`)).text()).not.toContain('Webhook e2e session');

  const before = await settledStats(sandbox, 500);
  const created = await request.post(`${SANDBOX_URL}/__sandbox/events/${event.id}/sessions`, {
    data: { startsAt, timezone: 'Europe/Paris', name: 'Webhook e2e session' },
  });
  expect(created.status()).toBe(200);
  createdSession = ((await created.json()) as { data: RawSession }).data;
  const sentAt = Date.now();

  await expect
    .poll(async () => (await request.get(`${site.url}/`)).text(), { timeout: 5_000, intervals: [200] })
    .toContain(`data-session-id="${createdSession.id}"`);
  console.log(`new session on / ${Date.now() - sentAt} ms after it was created (revalidation interval: 3600 s)`);

  const deliveries = (await (await request.get(`${SANDBOX_URL}/__sandbox/webhook-deliveries`)).json()) as {
    data: Array<{ event: string; url: string; status: string; attempts: number; resourceId: string }>;
  };
  expect(deliveries.data.filter((d) => d.resourceId === createdSession!.id)).toEqual([
    expect.objectContaining({ event: 'session.created', url: site.hook, status: 'delivered', attempts: 1 }),
  ]);

  const after = await settledStats(sandbox);
  expect(after.requests - before.requests).toBe(catalogCalls);
  expect((after.byRoute['GET /events'] ?? 0) - (before.byRoute['GET /events'] ?? 0)).toBe(Math.max(1, Math.ceil(events.data.length / 50)));
});

test('a redelivery of the same webhook is answered as a duplicate and costs nothing', async ({ request, sandbox }) => {
  expect(createdSession, 'the previous test created a session').not.toBeNull();
  const body = sessionEnvelope('session.created', createdSession!);
  const before = await settledStats(sandbox, 500);
  for (let i = 0; i < 3; i += 1) {
    const response = await request.post(site.hook, {
      data: body,
      headers: { 'Content-Type': 'application/json', 'x-livestorm-signature': sign(body, WEBHOOK_SECRET) },
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'duplicate' });
  }
  expect((await settledStats(sandbox)).requests).toBe(before.requests);
});

test('a session going live turns "Live now" on an open page through session.started and the poll, without a reload', async ({ page, sandbox }) => {
  expect(createdSession).not.toBeNull();
  await page.goto(`${site.url}/`);
  const card = page.locator(`article[data-session-id="${createdSession!.id}"]`);
  await expect(card).toBeVisible();
  await expect(card).not.toContainText('Live now');
  await page.evaluate(() => Object.assign(window, { beforeTheChange: true }));
  const before = await settledStats(sandbox, 500);
  const changed = await page.request.post(`${SANDBOX_URL}/__sandbox/sessions/${createdSession!.id}/status`, { data: { status: 'live' } });
  expect(changed.status()).toBe(200);
  // The webhook refreshes the catalog at once (interval: an hour); the page's next poll shows it.
  await expect(card).toContainText('Live now', { timeout: 10_000 });
  await expect(card.getByRole('link', { name: /^Join / })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { beforeTheChange?: boolean }).beforeTheChange)).toBe(true);
  expect((await settledStats(sandbox)).requests - before.requests).toBe(2);
});
