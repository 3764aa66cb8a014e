import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildQuery, createLivestormClient, nextPageNumber, parseRetryAfter, type Transport } from '@/lib/livestorm/client';
import { LivestormError } from '@/lib/livestorm/errors';
import { eventResource, sessionResource } from '@/lib/livestorm/schema';
import eventsFixture from './fixtures/events-with-sessions.json';

type Scripted = { status: number; body?: unknown; headers?: Record<string, string> } | 'network-error' | 'hang';

/** A transport that answers from a script and records what the client sent. */
function scripted(...script: Scripted[]) {
  const requests: Request[] = [];
  const sentAt: number[] = [];
  const transport: Transport = async (request) => {
    requests.push(request);
    sentAt.push(Date.now());
    const step = script.shift() ?? { status: 500 };
    if (step === 'network-error') throw new TypeError('fetch failed');
    if (step === 'hang') {
      return new Promise<Response>((_, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason));
      });
    }
    const body = step.body === undefined ? '' : typeof step.body === 'string' ? step.body : JSON.stringify(step.body);
    return new Response(body, { status: step.status, headers: step.headers });
  };
  return { transport, requests, sentAt };
}

function client(transport: Transport, overrides: Partial<Parameters<typeof createLivestormClient>[0]> = {}) {
  return createLivestormClient({
    baseUrl: 'https://api.example.test/v1',
    token: 'secret-token',
    transport,
    timeoutMs: 1_000,
    maxRequestsPerSecond: 50,
    minRetryDelayMs: 5,
    maxRetryDelayMs: 20,
    deadlineMs: 5_000,
    ...overrides,
  });
}

const ok = (body: unknown, headers: Record<string, string> = {}) => ({ status: 200, body, headers });
const ping = z.undefined();

describe('request', () => {
  it('sends the raw token and JSON:API headers, and bracket query keys', async () => {
    const { transport, requests } = scripted(ok({ data: [], meta: { next_page: null } }));
    await client(transport).request('/sessions', {
      schema: z.object({ data: z.array(z.unknown()) }),
      query: { 'filter[status]': 'upcoming', 'page[number]': 0, skip: undefined },
    });
    const [request] = requests;
    expect(request!.headers.get('authorization')).toBe('secret-token');
    expect(request!.headers.get('accept')).toBe('application/vnd.api+json');
    expect(request!.url).toBe('https://api.example.test/v1/sessions?filter[status]=upcoming&page[number]=0');
  });

  it('posts JSON:API bodies', async () => {
    const { transport, requests } = scripted({ status: 201, body: { data: { id: 'p1' } } });
    await client(transport).request('/sessions/s1/people', {
      method: 'POST',
      schema: z.object({ data: z.object({ id: z.string() }) }),
      body: { data: { type: 'people', attributes: { fields: [] } } },
    });
    expect(requests[0]!.method).toBe('POST');
    expect(requests[0]!.headers.get('content-type')).toBe('application/vnd.api+json');
    expect(await requests[0]!.json()).toEqual({ data: { type: 'people', attributes: { fields: [] } } });
  });

  it('accepts an empty 200 (GET /ping)', async () => {
    const { transport } = scripted({ status: 200 });
    await expect(client(transport).request('/ping', { schema: ping })).resolves.toBeUndefined();
  });

  it('reads the RateLimit headers and keeps the monthly quota', async () => {
    const { transport } = scripted({
      status: 200,
      headers: { 'RateLimit-Monthly-Limit': '10000', 'RateLimit-Monthly-Remaining': '9876' },
    });
    const c = client(transport);
    await c.request('/ping', { schema: ping });
    expect(c.quota()).toMatchObject({ monthlyLimit: 10000, monthlyRemaining: 9876, callsSent: 1 });
  });

  it('tells onRequestSent of every attempt, without the query, and survives its errors', async () => {
    const { transport } = scripted({ status: 503 }, ok({ data: [] }));
    const sent: Array<{ method: string; path: string }> = [];
    const c = client(transport, {
      onRequestSent: (request) => {
        sent.push(request);
        throw new Error('observer broke');
      },
    });
    await c.request('/people', { schema: z.object({ data: z.array(z.unknown()) }), query: { 'filter[email]': 'a@example.com' } });
    expect(sent).toEqual([
      { method: 'GET', path: '/people' },
      { method: 'GET', path: '/people' },
    ]);
    expect(c.quota().callsSent).toBe(2);
  });
});

describe('retries', () => {
  it('retries 429 honouring Retry-After, then succeeds', async () => {
    const { transport, requests, sentAt } = scripted(
      { status: 429, headers: { 'Retry-After': '1' }, body: { errors: [{ title: 'Too many requests' }] } },
      { status: 200 },
    );
    await client(transport).request('/ping', { schema: ping });
    expect(requests).toHaveLength(2);
    expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(990);
  });

  it.each([500, 502, 503, 504])('retries %i on reads', async (status) => {
    const { transport, requests } = scripted({ status }, { status }, ok({ data: [] }));
    await client(transport).request('/events', { schema: z.object({ data: z.array(z.unknown()) }) });
    expect(requests).toHaveLength(3);
  });

  it('retries network errors and timeouts on reads', async () => {
    const { transport, requests } = scripted('network-error', 'hang', ok({ data: [] }));
    await client(transport, { timeoutMs: 50 }).request('/events', { schema: z.object({ data: z.array(z.unknown()) }) });
    expect(requests).toHaveLength(3);
  });

  it('gives up after the retry budget with an "unavailable" error', async () => {
    const { transport, requests } = scripted(...Array.from({ length: 10 }, () => ({ status: 503 })));
    const error = await client(transport, { retries: 2 })
      .request('/events', { schema: z.unknown() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LivestormError);
    expect(error).toMatchObject({ kind: 'unavailable', status: 503, path: '/events' });
    expect(requests).toHaveLength(3);
  });

  it('never replays a write that may have reached Livestorm, but does after a 429', async () => {
    const failing = scripted({ status: 503 }, { status: 201, body: {} });
    await expect(
      client(failing.transport).request('/sessions/s/people', { method: 'POST', schema: z.unknown(), body: {} }),
    ).rejects.toMatchObject({ kind: 'unavailable' });
    expect(failing.requests).toHaveLength(1);

    const throttled = scripted({ status: 429, headers: { 'Retry-After': '0' } }, { status: 201, body: {} });
    await client(throttled.transport).request('/sessions/s/people', { method: 'POST', schema: z.unknown(), body: {} });
    expect(throttled.requests).toHaveLength(2);
  });

  it('does not retry an exhausted monthly quota', async () => {
    const { transport, requests } = scripted({
      status: 429,
      headers: { 'RateLimit-Monthly-Remaining': '0', 'Retry-After': '86400' },
    });
    await expect(client(transport).request('/events', { schema: z.unknown() })).rejects.toMatchObject({
      kind: 'quota_exhausted',
      retryAfter: 86400,
    });
    expect(requests).toHaveLength(1);
  });
});

describe('error mapping', () => {
  it.each([
    [400, 'bad_request'],
    [401, 'unauthorized'],
    [402, 'quota_exhausted'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [422, 'unprocessable'],
  ])('HTTP %i is %s, not retried, with the detail from the JSON:API error', async (status, kind) => {
    const { transport, requests } = scripted({
      status,
      body: { errors: [{ title: 'Title', detail: 'Specific detail', code: '', status: 'x' }] },
    });
    const error = await client(transport)
      .request('/sessions/s1/people?filter[email]=a@b.c', { schema: z.unknown() })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind, status, detail: 'Specific detail' });
    expect(requests).toHaveLength(1);
  });

  it('never puts the token in the error', async () => {
    const { transport } = scripted({ status: 401, body: { errors: [{ title: 'Unauthorized', detail: 'Invalid API token' }] } });
    const error = await client(transport).request('/me', { schema: z.unknown() }).catch((e: unknown) => e);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('secret-token');
  });

  it.each([
    ['a body that is not JSON', '<html>Bad gateway</html>', /body is not JSON/],
    ['a body of the wrong shape', { data: [{ id: 1 }] }, /unexpected shape: data/],
  ])('%s is an invalid_response error', async (_, body, message) => {
    const { transport } = scripted(ok(body));
    await expect(
      client(transport).request('/events', { schema: z.object({ data: z.array(eventResource) }) }),
    ).rejects.toMatchObject({ kind: 'invalid_response', message: expect.stringMatching(message) });
  });

  it('describes schema failures by path only, never by value', async () => {
    const { transport } = scripted(ok({ data: { id: 'x', type: 'sessions', attributes: { event_id: 'jane@example.com' } } }));
    const error = await client(transport)
      .request('/sessions/x', { schema: z.object({ data: sessionResource }) })
      .catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(LivestormError);
    expect((error as Error).message).not.toContain('jane@example.com');
  });
});

describe('pagination', () => {
  const page = (n: number, meta: Record<string, unknown>) => ok({ ...eventsFixture, data: eventsFixture.data.map((e) => ({ ...e, id: `e${n}` })), meta });

  it('walks 0-based pages of 50 following meta.next_page', async () => {
    const { transport, requests } = scripted(
      page(0, { current_page: 0, next_page: 1, page_count: 3 }),
      page(1, { current_page: 1, next_page: 2, page_count: 3 }),
      page(2, { current_page: 2, next_page: null, page_count: 3 }),
    );
    const items = await client(transport).paginate('/events', { item: eventResource });
    expect(items.map((e) => e.id)).toEqual(['e0', 'e1', 'e2']);
    expect(requests.map((r) => new URL(r.url).searchParams.get('page[number]'))).toEqual(['0', '1', '2']);
    expect(requests.every((r) => new URL(r.url).searchParams.get('page[size]') === '50')).toBe(true);
  });

  it('falls back to page_count when next_page is absent (2021 meta)', async () => {
    const { transport, requests } = scripted(page(0, { page_count: 2, record_count: 2 }), page(1, { page_count: 2 }));
    await client(transport).paginate('/events', { item: eventResource });
    expect(requests).toHaveLength(2);
  });

  it('never requests a page it cannot prove exists', async () => {
    const { transport, requests } = scripted(page(0, {}));
    await client(transport).paginate('/events', { item: eventResource });
    expect(requests).toHaveLength(1);
  });

  it.each([
    [{ next_page: 3 }, 2, 3],
    [{ next_page: null, page_count: 9 }, 2, null],
    [{ next_page: 1 }, 1, null],
    [{ page_count: 3 }, 2, null],
    [{ page_count: 0 }, 0, null],
    [undefined, 0, null],
  ])('nextPageNumber(%j, %i) = %s', (meta, current, expected) => {
    expect(nextPageNumber(meta, current)).toBe(expected);
  });
});

describe('throttling', () => {
  it('spaces requests so that no second ever sees more than the limit', async () => {
    const { transport, sentAt } = scripted(...Array.from({ length: 12 }, () => ({ status: 200 })));
    const c = client(transport, { maxRequestsPerSecond: 5 });
    await Promise.all(Array.from({ length: 12 }, () => c.request('/ping', { schema: ping })));
    for (let i = 5; i < sentAt.length; i += 1) expect(sentAt[i]! - sentAt[i - 5]!).toBeGreaterThanOrEqual(995);
  });
});

describe('helpers', () => {
  it('parses Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(new Date(Date.now() + 5_000).toUTCString())).toBeGreaterThanOrEqual(4);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it('builds bracket queries and drops nullish values', () => {
    expect(buildQuery({ 'filter[date_from]': 1700000000, a: null, b: undefined })).toBe('?filter[date_from]=1700000000');
    expect(buildQuery({})).toBe('');
  });
});
