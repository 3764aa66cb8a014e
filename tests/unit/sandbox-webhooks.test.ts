import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_WEBHOOK_SECRET, SEED_EVENTS, SEED_SESSIONS, createSandbox, type WebhookDelivery } from '@/lib/sandbox';
import { createWebhook, deleteWebhook, listWebhooks, parseWebhook, verifyWebhookSignature } from '@/lib/livestorm/webhooks';
import { SANDBOX_BASE as BASE, sandboxClient } from './sandbox-client';

// The sandbox's webhooks: subscriptions under /v1/webhooks, signed deliveries when its data changes.

const TOKEN = 'webhook-test-token';
const SITE = 'https://www.example.com/api/livestorm/webhooks';

interface Received {
  url: string;
  body: string;
  signature: string | null;
  contentType: string | null;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A sandbox whose deliveries land in `received`; `answer` decides each delivery's HTTP status. */
function setup(options: { answer?: (n: number) => number | 'unreachable'; dataDir?: string | null } = {}) {
  const received: Received[] = [];
  const sandbox = createSandbox({
    token: TOKEN,
    requestsPerSecond: 1000,
    dataDir: options.dataDir ?? null,
    webhookRetryDelaysMs: [1, 1, 1, 1, 1],
    webhookTransport: async (request) => {
      received.push({
        url: request.url,
        body: await request.text(),
        signature: request.headers.get('x-livestorm-signature'),
        contentType: request.headers.get('content-type'),
      });
      const status = options.answer?.(received.length) ?? 200;
      if (status === 'unreachable') throw new TypeError('fetch failed');
      return new Response(null, { status });
    },
  });
  const client = sandboxClient(sandbox, TOKEN);
  const api = (route: string, init: RequestInit = {}) =>
    sandbox.handle(
      new Request(`${BASE}/v1${route}`, {
        ...init,
        headers: { Authorization: TOKEN, 'Content-Type': 'application/vnd.api+json', ...init.headers },
      }),
    );
  const control = async <T = unknown>(route: string, body?: unknown): Promise<{ status: number; json: T }> => {
    const response = await sandbox.handle(
      new Request(`${BASE}/__sandbox${route}`, {
        method: body === undefined ? 'GET' : 'POST',
        body: body === undefined ? null : JSON.stringify(body),
      }),
    );
    return { status: response.status, json: (await response.json()) as T };
  };
  const deliveries = async () => (await control<{ data: WebhookDelivery[] }>('/webhook-deliveries')).json.data;
  return { sandbox, client, api, control, received, deliveries };
}

describe('sandbox webhook subscriptions (/v1/webhooks)', () => {
  it('creates, lists (paginated), shows and deletes subscriptions through the client', async () => {
    const { client, api } = setup();
    const created = await createWebhook(client, SITE, 'session.created');
    expect(created).toMatchObject({ url: SITE, event: 'session.created' });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).not.toBeNull();
    await createWebhook(client, 'http://127.0.0.1:3000/api/livestorm/webhooks', 'event.published');

    expect((await listWebhooks(client)).map((w) => w.event)).toEqual(['session.created', 'event.published']);
    const page = (await (await api('/webhooks?page[size]=1')).json()) as { data: unknown[]; meta: { next_page: number | null; record_count: number } };
    expect(page.data).toHaveLength(1);
    expect(page.meta).toMatchObject({ next_page: 1, record_count: 2 });
    expect((await api(`/webhooks/${created.id}`)).status).toBe(200);

    expect(await deleteWebhook(client, created.id)).toBe(true);
    expect(await deleteWebhook(client, created.id)).toBe(false);
    expect((await listWebhooks(client)).map((w) => w.event)).toEqual(['event.published']);
  });

  it.each([
    ['an http URL outside this machine', { url: 'http://www.example.com/hook', event: 'session.created' }, 422, 'https'],
    ['a URL that is not one', { url: 'not a url', event: 'session.created' }, 422, 'https'],
    ['an unknown event', { url: SITE, event: 'sessions.created' }, 422, 'session.created'],
    ['target_url instead of url', { target_url: SITE, event: 'session.created' }, 400, 'data.attributes.url'],
  ])('refuses %s', async (_label, attributes, status, detail) => {
    const { api } = setup();
    const response = await api('/webhooks', { method: 'POST', body: JSON.stringify({ data: { type: 'webhooks', attributes } }) });
    expect(response.status).toBe(status);
    const body = (await response.json()) as { errors: Array<{ detail: string }> };
    expect(body.errors[0]?.detail).toContain(detail);
  });

  it('needs the token like every API route', async () => {
    const { sandbox } = setup();
    expect((await sandbox.handle(new Request(`${BASE}/v1/webhooks`))).status).toBe(401);
  });

  it('keeps subscriptions across restarts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-webhooks-'));
    dirs.push(dataDir);
    const first = setup({ dataDir });
    await createWebhook(first.client, SITE, 'session.started');
    first.sandbox.flush();
    const second = setup({ dataDir });
    expect((await listWebhooks(second.client)).map((w) => w.event)).toEqual(['session.started']);
  });
});

describe('sandbox webhook deliveries', () => {
  it('signs a session.started delivery with the sandbox secret, in the §13 F envelope', async () => {
    const { sandbox, client, control, received, deliveries } = setup();
    await createWebhook(client, SITE, 'session.started');
    await createWebhook(client, SITE, 'session.ended');
    expect((await control(`/sessions/${SEED_SESSIONS.soon}/status`, { status: 'live' })).status).toBe(200);
    await sandbox.webhooksIdle();

    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery).toMatchObject({ url: SITE, contentType: 'application/json' });
    expect(verifyWebhookSignature(delivery!.body, delivery!.signature, SANDBOX_WEBHOOK_SECRET, Date.now())).toMatchObject({ ok: true });
    expect(parseWebhook(delivery!.body)).toMatchObject({
      ok: true,
      webhook: { event: 'session.started', resourceType: 'sessions', resourceId: SEED_SESSIONS.soon, sessionId: SEED_SESSIONS.soon },
    });
    const envelope = JSON.parse(delivery!.body) as { data: { attributes: { status: string }; meta: { webhook: { organization_id: string } } } };
    expect(envelope.data.attributes.status).toBe('live');
    expect(envelope.data.meta.webhook.organization_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await deliveries()).toMatchObject([{ event: 'session.started', url: SITE, status: 'delivered', attempts: 1, lastStatus: 200 }]);

    // Setting the same status again changes nothing, so sends nothing; ending sends session.ended.
    await control(`/sessions/${SEED_SESSIONS.soon}/status`, { status: 'live' });
    await control(`/sessions/${SEED_SESSIONS.soon}/status`, { status: 'past' });
    await sandbox.webhooksIdle();
    expect(received.map((r) => parseWebhook(r.body)).map((p) => p.ok && p.webhook.event)).toEqual(['session.started', 'session.ended']);
  });

  it('sends session.created, event.created and event.published from the control routes', async () => {
    const { sandbox, client, control, received } = setup();
    for (const event of ['session.created', 'event.created', 'event.published'] as const) await createWebhook(client, SITE, event);

    const session = await control<{ data: { id: string; attributes: { status: string; event_id: string; estimated_started_at: number; timezone: string; name: string } } }>(
      `/events/${SEED_EVENTS.productDemo.id}/sessions`,
      { startsAt: '2031-05-04T09:30:00Z', timezone: 'Europe/Paris', name: 'Extra session' },
    );
    expect(session.status).toBe(200);
    expect(session.json.data.attributes).toMatchObject({
      status: 'upcoming',
      event_id: SEED_EVENTS.productDemo.id,
      estimated_started_at: Date.UTC(2031, 4, 4, 9, 30) / 1000,
      timezone: 'Europe/Paris',
      name: 'Extra session',
    });

    const draft = await control<{ data: { id: string; attributes: { slug: string; status: string } } }>('/events', { title: 'Product demo: Acme Analytics in 30 minutes' });
    expect(draft.json.data.attributes).toMatchObject({ status: 'draft', slug: `${SEED_EVENTS.productDemo.slug}-2` });
    await control(`/events/${draft.json.data.id}/publish`, {});
    await control(`/events/${draft.json.data.id}/publish`, {}); // already published: no second webhook
    const published = await control<{ data: { id: string } }>('/events', { title: 'Launch week', status: 'published' });
    await sandbox.webhooksIdle();

    const sent = received.map((r) => parseWebhook(r.body)).map((p) => (p.ok ? `${p.webhook.event} ${p.webhook.resourceId}` : 'unreadable'));
    expect(sent).toEqual([
      `session.created ${session.json.data.id}`,
      `event.created ${draft.json.data.id}`,
      `event.published ${draft.json.data.id}`,
      `event.created ${published.json.data.id}`,
      `event.published ${published.json.data.id}`,
    ]);
  });

  it.each([
    ['an unknown event', `/events/nope/sessions`, { startsAt: 2_000_000_000 }, 404],
    ['an unreadable start', `/events/${SEED_EVENTS.productDemo.id}/sessions`, { startsAt: 'next tuesday' }, 422],
    ['an unknown zone', `/events/${SEED_EVENTS.productDemo.id}/sessions`, { startsAt: 2_000_000_000, timezone: 'Mars/Base' }, 422],
    ['an event without a title', '/events', { status: 'published' }, 422],
    ['publishing an unknown event', '/events/nope/publish', {}, 404],
  ])('control routes refuse %s', async (_label, route, body, status) => {
    const { control, received } = setup();
    expect((await control(route, body)).status).toBe(status);
    expect(received).toHaveLength(0);
  });

  it('sends people.registered on a registration, and lists deliveries without personal data', async () => {
    const { sandbox, client, api, received, deliveries } = setup();
    await createWebhook(client, SITE, 'people.registered');
    const email = 'jane.webhook@example.com';
    const response = await api(`/sessions/${SEED_SESSIONS.soon}/people`, {
      method: 'POST',
      body: JSON.stringify({ data: { type: 'people', attributes: { fields: [{ id: 'email', value: email }, { id: 'first_name', value: 'Jane' }, { id: 'last_name', value: 'Webhook' }] } } }),
    });
    expect(response.status).toBe(201);
    await sandbox.webhooksIdle();
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toContain(email); // Livestorm sends the person, as example F shows
    const listed = await deliveries();
    expect(listed).toMatchObject([{ event: 'people.registered', resourceType: 'people', status: 'delivered' }]);
    expect(JSON.stringify(listed)).not.toMatch(/jane|webhook@|connection/i);
  });

  it('sends nothing for events nobody subscribed to, and answers without waiting for deliveries', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const received: string[] = [];
    const sandbox = createSandbox({
      token: TOKEN,
      webhookTransport: async (request) => {
        received.push(request.url);
        await held;
        return new Response(null, { status: 204 });
      },
    });
    const control = (route: string, body: unknown) =>
      sandbox.handle(new Request(`${BASE}/__sandbox${route}`, { method: 'POST', body: JSON.stringify(body) }));
    await control(`/sessions/${SEED_SESSIONS.soon}/status`, { status: 'live' });
    expect(received).toHaveLength(0);
    await sandbox.handle(
      new Request(`${BASE}/v1/webhooks`, {
        method: 'POST',
        headers: { Authorization: TOKEN, 'Content-Type': 'application/vnd.api+json' },
        body: JSON.stringify({ data: { type: 'webhooks', attributes: { url: SITE, event: 'session.ended' } } }),
      }),
    );
    // The site has not answered yet, and the control route already has.
    expect((await control(`/sessions/${SEED_SESSIONS.soon}/status`, { status: 'past' })).status).toBe(200);
    release();
    await sandbox.webhooksIdle();
    expect(received).toEqual([SITE]);
  });

  it.each<[string, (n: number) => number | 'unreachable', number, 'delivered' | 'failed', number | null]>([
    ['retries a 500 until it is accepted', (n) => (n < 3 ? 500 : 200), 3, 'delivered', 200],
    ['gives up after 5 retries of a refusal', () => 401, 6, 'failed', 401],
    ['does not retry an unreachable URL (as Livestorm)', () => 'unreachable', 1, 'failed', null],
    ['does not retry a redirect', () => 302, 1, 'failed', 302],
  ])('%s', async (_label, answer, attempts, status, lastStatus) => {
    const { sandbox, client, control, received, deliveries } = setup({ answer });
    await createWebhook(client, SITE, 'session.started');
    await control(`/sessions/${SEED_SESSIONS.soon}/status`, { status: 'live' });
    await sandbox.webhooksIdle();
    expect(await deliveries()).toMatchObject([{ status, attempts, lastStatus }]);
    expect(received).toHaveLength(attempts);
    // Each attempt is signed again, and stays verifiable.
    for (const attempt of received) expect(verifyWebhookSignature(attempt.body, attempt.signature, SANDBOX_WEBHOOK_SECRET, Date.now()).ok).toBe(true);
  });

  it('reset clears subscriptions and deliveries', async () => {
    const { sandbox, client, control, deliveries } = setup();
    await createWebhook(client, SITE, 'session.started');
    await control(`/sessions/${SEED_SESSIONS.soon}/status`, { status: 'live' });
    await sandbox.webhooksIdle();
    expect(await deliveries()).toHaveLength(1);
    await control('/reset', {});
    expect(await deliveries()).toEqual([]);
    expect(await listWebhooks(client)).toEqual([]);
  });

  it('signs with the secret it is given', async () => {
    const received: Array<{ body: string; signature: string | null }> = [];
    const sandbox = createSandbox({
      token: TOKEN,
      webhookSecret: 'another-secret',
      webhookTransport: async (request) => {
        received.push({ body: await request.text(), signature: request.headers.get('x-livestorm-signature') });
        return new Response(null, { status: 200 });
      },
    });
    await sandbox.handle(
      new Request(`${BASE}/v1/webhooks`, {
        method: 'POST',
        headers: { Authorization: TOKEN, 'Content-Type': 'application/vnd.api+json' },
        body: JSON.stringify({ data: { type: 'webhooks', attributes: { url: SITE, event: 'session.started' } } }),
      }),
    );
    await sandbox.handle(new Request(`${BASE}/__sandbox/sessions/${SEED_SESSIONS.soon}/status`, { method: 'POST', body: '{"status":"live"}' }));
    await sandbox.webhooksIdle();
    expect(verifyWebhookSignature(received[0]!.body, received[0]!.signature, 'another-secret', Date.now()).ok).toBe(true);
    expect(verifyWebhookSignature(received[0]!.body, received[0]!.signature, SANDBOX_WEBHOOK_SECRET, Date.now())).toEqual({ ok: false, reason: 'mismatch' });
  });
});
