import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTaggedCache } from '@/lib/cache/tagged-cache';
import { TAGS } from '@/lib/events/tags';
import { signWebhook } from '@/lib/livestorm/webhooks';
import { webhookActivity } from '@/lib/webhooks/activity';
import { MAX_WEBHOOK_BODY_BYTES, receiveWebhook } from '@/lib/webhooks/receiver';
import peopleRegistered from './fixtures/webhook-people-registered.json';

// The webhook route's pipeline, on web-standard Requests: what each delivery gets back and costs.

const SECRET = 'receiver-secret';
const HOOK_URL = 'http://127.0.0.1:3000/api/livestorm/webhooks';
const nowS = () => Math.floor(Date.now() / 1000);

function envelope(event: string, type = 'sessions', id = randomUUID()) {
  return { data: { id, type, attributes: { event_id: randomUUID(), status: 'upcoming' }, meta: { webhook: { event, organization_id: randomUUID() } } } };
}

function delivery(body: string, signature: string | null = signWebhook(body, SECRET, nowS())): Request {
  const headers = new Headers({ 'Content-Type': 'application/json' });
  if (signature !== null) headers.set('x-livestorm-signature', signature);
  return new Request(HOOK_URL, { method: 'POST', headers, body });
}

async function receive(request: Request, secret: string | null = SECRET) {
  const refreshed: Array<readonly string[]> = [];
  const response = await receiveWebhook(request, { secret, refresh: (tags) => refreshed.push(tags) });
  return { status: response.status, body: (await response.json()) as Record<string, string>, refreshed };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('receiveWebhook', () => {
  it('accepts a signed session.created, refreshes the sessions tag and answers at once', async () => {
    const before = webhookActivity().counts.accepted;
    const result = await receive(delivery(JSON.stringify(envelope('session.created'))));
    expect(result).toEqual({ status: 202, body: { status: 'accepted' }, refreshed: [[TAGS.sessions]] });
    expect(webhookActivity()).toMatchObject({ lastEvent: 'session.created', counts: { accepted: before + 1 } });
  });

  it('answers a duplicate (a retry, or a replay) with 200 and no second refresh', async () => {
    const body = JSON.stringify(envelope('event.published', 'events'));
    expect((await receive(delivery(body))).status).toBe(202);
    const retry = await receive(delivery(body, signWebhook(body, SECRET, nowS() + 1)));
    expect(retry).toEqual({ status: 200, body: { status: 'duplicate' }, refreshed: [] });
    const replay = await receive(delivery(body));
    expect(replay).toEqual({ status: 200, body: { status: 'duplicate' }, refreshed: [] });
  });

  it('treats the same resource with another event as news', async () => {
    const id = randomUUID();
    expect((await receive(delivery(JSON.stringify(envelope('session.started', 'sessions', id)))))).toMatchObject({ status: 202 });
    expect((await receive(delivery(JSON.stringify(envelope('session.ended', 'sessions', id)))))).toMatchObject({ status: 202 });
  });

  it.each([
    ['people.registered (nothing shown changes)', 'people.registered', 'people'],
    ['job.ended', 'job.ended', 'jobs'],
    ['an event name Livestorm may add later', 'session.updated', 'sessions'],
  ])('acknowledges %s without refreshing', async (_label, event, type) => {
    const before = webhookActivity().counts.ignored;
    expect(await receive(delivery(JSON.stringify(envelope(event, type))))).toEqual({ status: 200, body: { status: 'ignored' }, refreshed: [] });
    expect(webhookActivity().counts.ignored).toBe(before + 1);
  });

  const body = JSON.stringify(envelope('session.created'));
  it.each([
    ['no signature', delivery(body, null), 'Missing x-livestorm-signature header'],
    ['a malformed signature', delivery(body, 'sha256=abc'), 'Malformed x-livestorm-signature header'],
    ['a forged signature', delivery(body, signWebhook(body, 'guessed-secret', nowS())), 'Signature does not match'],
    ['a signature of another body', delivery(body, signWebhook(`${body}\n`, SECRET, nowS()).replace(/^\d+/, String(nowS()))), 'Signature does not match'],
    ['a stale signature', delivery(body, signWebhook(body, SECRET, nowS() - 600)), 'Signature timestamp is more than 300 s old'],
    ['a signature from the future', delivery(body, signWebhook(body, SECRET, nowS() + 600)), 'more than 300 s in the future'],
  ])('refuses %s with 401, a specific message and no refresh', async (_label, request, message) => {
    const before = webhookActivity().counts.refused;
    const result = await receive(request);
    expect(result.status).toBe(401);
    expect(Object.keys(result.body)).toEqual(['error']);
    expect(result.body.error).toContain(message);
    expect(result.refreshed).toEqual([]);
    expect(webhookActivity().counts.refused).toBe(before + 1);
  });

  it('does not let a refused delivery mark its resource as seen', async () => {
    const text = JSON.stringify(envelope('session.started'));
    expect((await receive(delivery(text, signWebhook(text, 'guessed-secret', nowS())))).status).toBe(401);
    expect((await receive(delivery(text))).status).toBe(202);
  });

  it.each([
    ['not JSON', 'data=1'],
    ['not an envelope', JSON.stringify({ data: { id: 'x', type: 'sessions', attributes: {} } })],
  ])('answers a signed but unreadable body (%s) with 400', async (_label, text) => {
    const result = await receive(delivery(text));
    expect(result.status).toBe(400);
    expect(result.body.error).toMatch(/^Unreadable webhook: /);
    expect(result.refreshed).toEqual([]);
  });

  it('refuses bodies over 1 MB, declared or streamed, with 413', async () => {
    const declared = new Request(HOOK_URL, { method: 'POST', headers: { 'Content-Length': String(MAX_WEBHOOK_BODY_BYTES + 1) }, body: '{}' });
    expect((await receive(declared)).status).toBe(413);
    const chunk = new Uint8Array(256 * 1024);
    const streamed = new Request(HOOK_URL, {
      method: 'POST',
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 5; i += 1) controller.enqueue(chunk);
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect((await receive(streamed)).status).toBe(413);
  });

  it('refuses every delivery while webhooks are not configured', async () => {
    expect(await receive(delivery(body), null)).toEqual({ status: 404, body: { error: 'Webhooks are not enabled on this site' }, refreshed: [] });
  });

  it('logs one line per delivery with the event, resource id and outcome only: nothing personal', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    const text = JSON.stringify({ ...peopleRegistered, data: { ...peopleRegistered.data, id: randomUUID() } });
    await receive(delivery(text));
    await receive(delivery(text));
    expect(lines).toHaveLength(2);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged[0]).toMatchObject({ msg: 'livestorm webhook', event: 'people.registered', outcome: 'ignored: touches nothing shown' });
    expect(logged[1]).toMatchObject({ outcome: 'duplicate: replayed signature' });
    for (const entry of logged) expect(Object.keys(entry).sort()).toEqual(['event', 'level', 'msg', 'outcome', 'resourceId', 'time']);
    expect(lines.join('\n')).not.toMatch(/jane|doe|connection|b794f5a32ad48829366806|utm|example\.com/i);
  });

  it('refreshes the caches the pages read, through the shared tag registry', async () => {
    let loads = 0;
    const cache = createTaggedCache({
      key: 'receiver-test',
      tags: [TAGS.catalog, TAGS.events, TAGS.sessions],
      revalidateSeconds: 3600,
      retryAfterFailureSeconds: 30,
      dir: null,
      load: async () => ++loads,
    });
    expect(await cache.get()).toBe(1);
    const response = await receiveWebhook(delivery(JSON.stringify(envelope('session.started'))), { secret: SECRET });
    expect(response.status).toBe(202);
    await vi.waitFor(() => expect(loads).toBe(2));
    expect(await cache.get()).toBe(2);
  });
});
