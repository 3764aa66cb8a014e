import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLivestormClient, type Transport } from '@/lib/livestorm/client';
import { LivestormError } from '@/lib/livestorm/errors';
import { checkToken } from '@/lib/livestorm/ping';
import { createSandbox, type SandboxInstance } from '@/lib/sandbox';
import { listWebhooks } from '@/lib/livestorm/webhooks';
import { cachedCheck, subscriptionsCheck } from '@/lib/status/checks';

const TOKEN = 'status-test-token';
const CHECKED = new Date(Date.UTC(2026, 4, 4, 12));

function clientFor(transport: Transport, token = TOKEN) {
  return createLivestormClient({
    baseUrl: 'http://sandbox.internal/v1',
    token,
    transport,
    timeoutMs: 1_000,
    maxRequestsPerSecond: 1000,
    minRetryDelayMs: 1,
    maxRetryDelayMs: 5,
    deadlineMs: 3_000,
  });
}

/** Answers every request with one status and counts them. */
function answering(status: number, body = '') {
  const seen: Request[] = [];
  const transport: Transport = async (request) => {
    seen.push(request);
    return new Response(body, { status, headers: { 'Content-Type': 'application/vnd.api+json' } });
  };
  return { transport, seen };
}

describe('checkToken (GET /ping)', () => {
  let dataDir: string;
  let sandbox: SandboxInstance;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'status-checks-'));
    sandbox = createSandbox({ token: TOKEN, dataDir, requestsPerSecond: 1000 });
  });

  afterEach(() => {
    sandbox.flush();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is ok with the sandbox token and observes the monthly quota', async () => {
    const client = clientFor((request) => sandbox.handle(request));
    expect(await checkToken(client, () => CHECKED)).toEqual({ result: 'ok', checkedAt: CHECKED.toISOString(), detail: null });
    expect(client.quota()).toMatchObject({ monthlyLimit: 10_000, callsSent: 1 });
    expect(client.quota().monthlyRemaining).toBeGreaterThan(0);
  });

  it('reports a refused token as a value', async () => {
    const client = clientFor((request) => sandbox.handle(request), 'wrong-token');
    expect(await checkToken(client, () => CHECKED)).toEqual({ result: 'unauthorized', checkedAt: CHECKED.toISOString(), detail: 'unauthorized (HTTP 401)' });
  });

  it.each([
    [403, 'forbidden'],
    [503, 'unreachable'],
    [429, 'error'],
  ])('maps HTTP %i to %s with one call, no retries', async (status, result) => {
    const { transport, seen } = answering(status);
    expect(await checkToken(clientFor(transport))).toMatchObject({ result, detail: expect.stringContaining(`HTTP ${status}`) });
    expect(seen).toHaveLength(1);
  });
});

describe('listWebhooks (GET /webhooks)', () => {
  it('maps the JSON:API list to subscriptions', async () => {
    const body = JSON.stringify({
      data: [
        { id: 'w1', type: 'webhooks', attributes: { event: 'session.started', url: 'https://site.example.com/api/webhooks', created_at: 1_777_896_000 } },
        { id: 'w2', type: 'webhooks', attributes: { event: 'event.published', url: 'https://site.example.com/api/webhooks', created_at: null } },
      ],
      meta: { next_page: null },
    });
    const { transport, seen } = answering(200, body);
    expect(await listWebhooks(clientFor(transport))).toEqual([
      { id: 'w1', event: 'session.started', url: 'https://site.example.com/api/webhooks', createdAt: new Date(1_777_896_000_000).toISOString() },
      { id: 'w2', event: 'event.published', url: 'https://site.example.com/api/webhooks', createdAt: null },
    ]);
    expect(new URL(seen[0]!.url).pathname).toBe('/v1/webhooks');
  });

  it('fails with a LivestormError, once, where /webhooks does not exist', async () => {
    const { transport, seen } = answering(404);
    await expect(listWebhooks(clientFor(transport))).rejects.toBeInstanceOf(LivestormError);
    expect(seen).toHaveLength(1);
  });
});

describe('subscriptionsCheck', () => {
  it('turns a failure into "unavailable" with its kind', async () => {
    const check = subscriptionsCheck(
      async () => {
        throw new LivestormError({ kind: 'not_found', status: 404, path: '/webhooks' });
      },
      () => CHECKED,
    );
    expect(await check()).toEqual({ available: false, checkedAt: CHECKED.toISOString(), reason: 'not_found (HTTP 404)' });
  });

  it('passes subscriptions through', async () => {
    const items = [{ id: 'w1', event: 'session.started', url: 'https://x.example/h', createdAt: null }];
    expect(await subscriptionsCheck(async () => items, () => CHECKED)()).toEqual({ available: true, checkedAt: CHECKED.toISOString(), items });
  });
});

describe('cachedCheck', () => {
  it('runs once per window, sharing a run between concurrent callers', async () => {
    let clock = 0;
    let runs = 0;
    const check = cachedCheck(async () => ++runs, 300_000, () => clock);
    expect(await Promise.all([check(), check(), check()])).toEqual([1, 1, 1]);
    clock = 299_999;
    expect(await check()).toBe(1);
    clock = 300_000;
    expect(await check()).toBe(2);
    expect(runs).toBe(2);
  });
});
