import { describe, expect, it } from 'vitest';
import type { PageMeta as Meta } from '@/lib/sandbox/jsonapi';
import {
  SEED_EVENTS,
  SEED_SESSIONS,
  createSandbox,
  peakInWindow,
  type SandboxOptions,
  type SessionAttributes,
  type StoredEventAttributes,
} from '@/lib/sandbox';

// API behaviour of the sandbox: auth, limits, pagination, filters, compound documents, control routes.

const TOKEN = 'test-token';
const T0 = Date.UTC(2026, 2, 2, 10, 15, 0); // Monday 2 March 2026, 10:15 UTC
const T0_S = Math.floor(T0 / 1000);

interface Ref {
  type: string;
  id: string;
}
interface SessionResource {
  id: string;
  type: string;
  attributes: SessionAttributes;
  relationships?: { event?: { data: Ref } };
}
interface EventResource {
  id: string;
  type: string;
  attributes: StoredEventAttributes & { scheduling_status: string; sessions_count: number };
  relationships?: { sessions?: { data: Ref[] } };
}
interface ListDoc<T> {
  data: T[];
  included?: Array<{ id: string; type: string; attributes: Record<string, unknown> }>;
  meta: Meta;
}
interface ErrorDoc {
  errors: Array<{ title: string; detail: string; code: string; status: string }>;
}

function setup(options: Partial<SandboxOptions> = {}) {
  const clock = { now: T0 };
  const sandbox = createSandbox({ token: TOKEN, now: () => clock.now, requestsPerSecond: 1000, ...options });
  const call = (path: string, init: RequestInit = {}, auth: string | null = TOKEN, origin = 'http://sandbox.internal') => {
    const headers = new Headers(init.headers);
    if (auth !== null) headers.set('Authorization', auth);
    return sandbox.handle(new Request(`${origin}${path}`, { ...init, headers }));
  };
  const json = async <T>(path: string): Promise<T> => {
    const res = await call(path);
    expect(res.status, `${path} -> ${res.status}`).toBe(200);
    return (await res.json()) as T;
  };
  const control = (path: string, body?: unknown) =>
    sandbox.handle(
      new Request(`http://sandbox.internal/__sandbox${path}`, {
        method: body === undefined && path === '/stats' ? 'GET' : 'POST',
        body: body === undefined ? null : JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      }),
    );
  return { sandbox, clock, call, json, control };
}

const upcomingQuery = '/v1/sessions?filter[status]=upcoming';

describe('authentication', () => {
  const unauthorizedBody = {
    errors: [{ title: 'Unauthorized', detail: 'Invalid API token', code: '', status: 'unauthorized' }],
  };
  it.each([
    { name: 'missing header', auth: null, wwwAuthenticate: null },
    { name: 'wrong raw token', auth: 'nope', wwwAuthenticate: null },
    { name: 'token with different case', auth: TOKEN.toUpperCase(), wwwAuthenticate: null },
    { name: 'Bearer + correct token', auth: `Bearer ${TOKEN}`, wwwAuthenticate: 'Bearer realm="Doorkeeper", error="invalid_token"' },
    { name: 'Bearer + garbage', auth: 'Bearer garbage', wwwAuthenticate: 'Bearer realm="Doorkeeper", error="invalid_token"' },
  ])('$name -> 401', async ({ auth, wwwAuthenticate }) => {
    const { call } = setup();
    const res = await call('/v1/events', {}, auth);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/vnd.api+json');
    expect(res.headers.get('www-authenticate')).toBe(wwwAuthenticate);
    expect(res.headers.get('ratelimit-monthly-limit')).toBe('10000');
    expect(await res.json()).toEqual(unauthorizedBody);
  });

  it('accepts the raw token and does not charge rejected calls to the quota', async () => {
    const { call } = setup();
    await call('/v1/events', {}, 'nope');
    const res = await call('/v1/events');
    expect(res.status).toBe(200);
    expect(res.headers.get('ratelimit-monthly-remaining')).toBe('9999');
  });
});

describe('routing', () => {
  it('GET /ping answers 200 with an empty body and rate-limit headers', async () => {
    const { call } = setup();
    const res = await call('/v1/ping');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    for (const h of ['RateLimit-Monthly-Limit', 'RateLimit-Monthly-Remaining', 'RateLimit-Interval-Limit', 'RateLimit-Interval-Remaining']) {
      expect(res.headers.get(h), h).toMatch(/^\d+$/);
    }
  });

  it('GET /organization returns the workspace', async () => {
    const { json } = setup();
    const doc = await json<{ data: { id: string; type: string; attributes: Record<string, unknown> } }>('/v1/organization');
    expect(doc.data.type).toBe('organizations');
    expect(doc.data.attributes).toEqual({ name: 'Acme Analytics', slug: 'acme-analytics' });
  });

  it.each(['http://127.0.0.1:4010/v1/events', 'http://sandbox.internal/v1/events/', 'https://example.test/some/prefix/v1/events?page[size]=1'])(
    'serves the API under any origin/prefix: %s',
    async (url) => {
      const { sandbox } = setup();
      const res = await sandbox.handle(new Request(url, { headers: { Authorization: TOKEN } }));
      expect(res.status).toBe(200);
    },
  );

  it.each([
    { path: '/v1/nope', method: 'GET', status: 404, code: 'not_found' },
    { path: '/v1/events/00000000-0000-4000-8000-000000000000', method: 'GET', status: 404, code: 'not_found' },
    { path: '/v1/sessions/unknown', method: 'GET', status: 404, code: 'not_found' },
    { path: '/v1/events/unknown/sessions', method: 'GET', status: 404, code: 'not_found' },
    { path: '/v1/sessions/unknown/people', method: 'GET', status: 404, code: 'not_found' },
    { path: '/events', method: 'GET', status: 404, code: 'not_found' },
    { path: '/v1/events', method: 'POST', status: 405, code: 'method_not_allowed' },
    { path: `/v1/sessions/${SEED_SESSIONS.soon}`, method: 'DELETE', status: 405, code: 'method_not_allowed' },
  ])('$method $path -> $status', async ({ path, method, status, code }) => {
    const { call } = setup();
    const res = await call(path, { method });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/vnd.api+json');
    const body = (await res.json()) as ErrorDoc;
    expect(body.errors[0]?.status).toBe(code);
    expect(body.errors[0]?.detail).toEqual(expect.any(String));
    if (status === 405) expect(res.headers.get('allow')).toBe('GET');
  });
});

describe('pagination', () => {
  it('defaults to page 0 of 20 with full meta', async () => {
    const { json } = setup();
    const doc = await json<ListDoc<SessionResource>>(upcomingQuery);
    expect(doc.meta.record_count).toBeGreaterThan(20);
    expect(doc.data).toHaveLength(20);
    expect(doc.meta).toEqual({
      current_page: 0,
      previous_page: null,
      next_page: 1,
      record_count: doc.meta.record_count,
      page_count: Math.ceil(doc.meta.record_count / 20),
      items_per_page: 20,
    });
  });

  it('walks 0-based pages until next_page is null, without gaps or duplicates', async () => {
    const { json } = setup();
    const all = await json<ListDoc<SessionResource>>(`${upcomingQuery}&page[size]=50`);
    const seen: string[] = [];
    let page: number | null = 0;
    let pages = 0;
    while (page !== null) {
      const doc: ListDoc<SessionResource> = await json<ListDoc<SessionResource>>(`${upcomingQuery}&page[size]=7&page[number]=${page}`);
      expect(doc.meta.current_page).toBe(page);
      expect(doc.meta.previous_page).toBe(page === 0 ? null : page - 1);
      expect(doc.meta.items_per_page).toBe(7);
      seen.push(...doc.data.map((s) => s.id));
      page = doc.meta.next_page;
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(all.meta.record_count / 7));
    expect(seen).toEqual(all.data.map((s) => s.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it.each([
    ['page[size]=51'],
    ['page[size]=0'],
    ['page[size]=abc'],
    ['page[size]=2.5'],
    ['page[number]=-1'],
    ['page[number]=99'],
    ['page[size]=50&page[number]=1'],
  ])('rejects %s with 400', async (query) => {
    const { call } = setup();
    const res = await call(`${upcomingQuery}&${query}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorDoc).errors[0]?.status).toBe('bad_request');
  });

  it('accepts page[size]=50 and percent-encoded brackets', async () => {
    const { json } = setup();
    const doc = await json<ListDoc<SessionResource>>('/v1/sessions?page%5Bsize%5D=50&page%5Bnumber%5D=0');
    expect(doc.meta.items_per_page).toBe(50);
  });

  it('page 0 of an empty list is data [] with page_count 0', async () => {
    const { json } = setup();
    const doc = await json<ListDoc<EventResource>>('/v1/events?filter[title]=no-such-title');
    expect(doc.data).toEqual([]);
    expect(doc.meta).toEqual({ current_page: 0, previous_page: null, next_page: null, record_count: 0, page_count: 0, items_per_page: 20 });
  });
});

describe('events', () => {
  it('are sorted by created_at and carry derived scheduling_status / sessions_count', async () => {
    const { json } = setup();
    const doc = await json<ListDoc<EventResource>>('/v1/events?page[size]=50');
    const created = doc.data.map((e) => e.attributes.created_at);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    const sessions = await json<ListDoc<SessionResource>>('/v1/sessions?page[size]=50');
    for (const event of doc.data) {
      expect(event.type).toBe('events');
      expect(event.relationships).toBeUndefined();
      expect(event.attributes.sessions_count).toBe(sessions.data.filter((s) => s.attributes.event_id === event.id).length);
    }
    expect(doc).not.toHaveProperty('included');
  });

  it('include=sessions yields a compound document with deduplicated included sessions', async () => {
    const { json } = setup();
    const doc = await json<ListDoc<EventResource>>('/v1/events?filter[scheduling_status]=upcoming&include=sessions&page[size]=50');
    expect(doc.data.length).toBeGreaterThan(5);
    const included = doc.included ?? [];
    const includedIds = included.map((r) => r.id);
    expect(new Set(includedIds).size).toBe(includedIds.length);
    expect(included.every((r) => r.type === 'sessions')).toBe(true);
    const referenced = doc.data.flatMap((e) => {
      const refs = e.relationships?.sessions?.data ?? [];
      expect(refs.length).toBe(e.attributes.sessions_count);
      for (const ref of refs) {
        expect(ref.type).toBe('sessions');
        const session = included.find((r) => r.id === ref.id);
        expect(session?.attributes.event_id).toBe(e.id);
      }
      return refs.map((r) => r.id);
    });
    expect([...referenced].sort()).toEqual([...includedIds].sort());
  });

  it('GET /events/:id supports include=sessions', async () => {
    const { json } = setup();
    const id = SEED_EVENTS.productDemo.id;
    const plain = await json<{ data: EventResource }>(`/v1/events/${id}`);
    expect(plain.data.attributes.slug).toBe(SEED_EVENTS.productDemo.slug);
    expect(plain).not.toHaveProperty('included');
    const doc = await json<{ data: EventResource; included: SessionResource[] }>(`/v1/events/${id}?include=sessions`);
    expect(doc.data.relationships?.sessions?.data.map((r) => r.id)).toEqual(doc.included.map((s) => s.id));
    expect(doc.included.map((s) => s.id)).toContain(SEED_SESSIONS.canceled);
  });

  it.each([
    { query: 'filter[title]=PRODUCT demo', expected: ['productDemo'] },
    { query: 'filter[title]=webinar', expected: [] },
    { query: 'filter[title]=seminario', expected: ['spanish'] },
    { query: 'filter[scheduling_status]=draft', expected: ['draft'] },
    { query: 'filter[scheduling_status]=ended', expected: ['pastOnly'] },
    { query: 'filter[scheduling_status]=live', expected: ['officeHours'] },
    { query: 'filter[everyone_can_speak]=true', expected: ['officeHours'] },
  ] as const)('filters: $query', async ({ query, expected }) => {
    const { json } = setup();
    const doc = await json<ListDoc<EventResource>>(`/v1/events?${query}`);
    expect(doc.data.map((e) => e.id).sort()).toEqual(expected.map((k) => SEED_EVENTS[k].id).sort());
  });

  it('filter[updated_since] accepts Unix seconds and ISO-8601 equivalently', async () => {
    const { json } = setup();
    const since = T0_S - 30 * 86_400;
    const unix = await json<ListDoc<EventResource>>(`/v1/events?filter[updated_since]=${since}&page[size]=50`);
    const iso = await json<ListDoc<EventResource>>(
      `/v1/events?filter[updated_since]=${encodeURIComponent(new Date(since * 1000).toISOString())}&page[size]=50`,
    );
    expect(unix.data.length).toBeGreaterThan(0);
    expect(unix.data.length).toBeLessThan(13);
    expect(iso.data.map((e) => e.id)).toEqual(unix.data.map((e) => e.id));
    expect(unix.data.every((e) => e.attributes.updated_at >= since)).toBe(true);
  });

  it.each(['filter[status]=upcoming', 'filter[scheduling_status]=soon', 'filter[updated_since]=yesterday', 'include=tags', 'filter[everyone_can_speak]=yes'])(
    'rejects %s with 400',
    async (query) => {
      const { call } = setup();
      expect((await call(`/v1/events?${query}`)).status).toBe(400);
    },
  );
});

describe('sessions', () => {
  it('are sorted by estimated_started_at', async () => {
    const { json } = setup();
    const doc = await json<ListDoc<SessionResource>>('/v1/sessions?page[size]=50');
    const starts = doc.data.map((s) => s.attributes.estimated_started_at);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it.each(['upcoming', 'live', 'past', 'canceled', 'draft'] as const)('filter[status]=%s returns only that status', async (status) => {
    const { json } = setup();
    const doc = await json<ListDoc<SessionResource>>(`/v1/sessions?filter[status]=${status}&page[size]=50`);
    expect(doc.data.length).toBeGreaterThan(0);
    expect(doc.data.every((s) => s.attributes.status === status)).toBe(true);
  });

  it('date_from/date_to bound estimated_started_at, Unix and ISO alike (inclusive)', async () => {
    const { json } = setup();
    const all = await json<ListDoc<SessionResource>>('/v1/sessions?page[size]=50');
    const from = T0_S + 3 * 86_400;
    const to = T0_S + 10 * 86_400;
    const expected = all.data.filter((s) => s.attributes.estimated_started_at >= from && s.attributes.estimated_started_at <= to).map((s) => s.id);
    expect(expected.length).toBeGreaterThan(2);
    const iso = (s: number) => new Date(s * 1000).toISOString();
    // An offset written with an unencoded "+" arrives as a space; it must still be read as +01:00.
    const withOffset = (s: number) => new Date(s * 1000 + 3_600_000).toISOString().replace('.000Z', '+01:00');
    for (const query of [
      `filter[date_from]=${from}&filter[date_to]=${to}`,
      `filter[date_from]=${encodeURIComponent(iso(from))}&filter[date_to]=${encodeURIComponent(iso(to))}`,
      `filter[date_from]=${withOffset(from)}&filter[date_to]=${encodeURIComponent(withOffset(to))}`,
    ]) {
      const doc = await json<ListDoc<SessionResource>>(`/v1/sessions?${query}&page[size]=50`);
      expect(doc.data.map((s) => s.id), query).toEqual(expected);
    }
    const exact = all.data[5]?.attributes.estimated_started_at ?? 0;
    const edge = await json<ListDoc<SessionResource>>(`/v1/sessions?filter[date_from]=${exact}&filter[date_to]=${exact}`);
    expect(edge.data.map((s) => s.attributes.estimated_started_at)).toContain(exact);
  });

  it('an ISO date without time means 00:00 UTC', async () => {
    const { json } = setup();
    const day = new Date(T0 + 5 * 86_400_000).toISOString().slice(0, 10);
    const dayStart = Date.parse(`${day}T00:00:00Z`) / 1000;
    const doc = await json<ListDoc<SessionResource>>(`/v1/sessions?filter[date_from]=${day}&page[size]=50`);
    expect(doc.data.length).toBeGreaterThan(0);
    expect(doc.data.every((s) => s.attributes.estimated_started_at >= dayStart)).toBe(true);
  });

  it('GET /events/:id/sessions is scoped to the event and supports the same filters', async () => {
    const { json } = setup();
    const id = SEED_EVENTS.productDemo.id;
    const doc = await json<ListDoc<SessionResource>>(`/v1/events/${id}/sessions`);
    expect(doc.data).toHaveLength(5);
    expect(doc.data.every((s) => s.attributes.event_id === id)).toBe(true);
    const upcoming = await json<ListDoc<SessionResource>>(`/v1/events/${id}/sessions?filter[status]=upcoming`);
    expect(upcoming.data).toHaveLength(4);
  });

  it('GET /sessions/:id returns the §13 B shape and supports include=event', async () => {
    const { json } = setup();
    const doc = await json<{ data: SessionResource }>(`/v1/sessions/${SEED_SESSIONS.soon}`);
    expect(Object.keys(doc.data.attributes)).toEqual([
      'event_id',
      'status',
      'timezone',
      'room_link',
      'name',
      'attendees_count',
      'duration',
      'estimated_started_at',
      'started_at',
      'ended_at',
      'canceled_at',
      'created_at',
      'updated_at',
      'registrants_count',
      'breakout_room_parent_session_id',
    ]);
    expect(doc.data.attributes.room_link).toBe(`https://app.livestorm.co/p/${SEED_EVENTS.onboarding.id}/live?s=${SEED_SESSIONS.soon}`);
    const withEvent = await json<{ data: SessionResource; included: EventResource[] }>(`/v1/sessions/${SEED_SESSIONS.soon}?include=event`);
    expect(withEvent.data.relationships?.event?.data).toEqual({ type: 'events', id: SEED_EVENTS.onboarding.id });
    expect(withEvent.included.map((e) => e.id)).toEqual([SEED_EVENTS.onboarding.id]);
  });

  it.each(['filter[status]=cancelled', 'filter[date_from]=tomorrow', 'filter[date_to]=2026-13-01', 'filter[nope]=1', 'include=people'])(
    'rejects %s with 400',
    async (query) => {
      const { call } = setup();
      expect((await call(`/v1/sessions?${query}`)).status).toBe(400);
    },
  );
});

describe('people attributes', () => {
  it('lists built-in and custom attributes with human names, filterable by slug', async () => {
    const { json } = setup();
    const all = await json<ListDoc<{ id: string; type: string; attributes: { name: string; slug: string; type: string; builtin: boolean } }>>(
      '/v1/people_attributes?page[size]=50',
    );
    expect(all.data.filter((a) => a.attributes.builtin).map((a) => a.attributes.slug)).toEqual(['email', 'first_name', 'last_name', 'avatar']);
    expect(new Set(all.data.map((a) => a.attributes.type))).toEqual(
      new Set(['text', 'email', 'avatar', 'url', 'consent', 'unique_select', 'multiple_select']),
    );
    const company = await json<ListDoc<{ type: string; attributes: { name: string; slug: string; builtin: boolean } }>>(
      '/v1/people_attributes?filter[slug]=company',
    );
    expect(company.data).toHaveLength(1);
    expect(company.data[0]?.type).toBe('people_attributes');
    expect(company.data[0]?.attributes).toMatchObject({ name: 'Company', slug: 'company', builtin: false });
  });
});

describe('rate limiting', () => {
  it('allows 5 calls per 1-second window, then 429 with Retry-After until the next second', async () => {
    const { call, clock } = setup({ requestsPerSecond: 5 });
    clock.now = T0 + 100;
    const remaining: Array<string | null> = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await call('/v1/ping');
      expect(res.status).toBe(200);
      remaining.push(res.headers.get('ratelimit-interval-remaining'));
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    clock.now = T0 + 999;
    const limited = await call('/v1/ping');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('ratelimit-interval-limit')).toBe('5');
    expect(limited.headers.get('ratelimit-interval-remaining')).toBe('0');
    expect(((await limited.json()) as ErrorDoc).errors[0]?.status).toBe('too_many_requests');
    clock.now = T0 + 1000;
    const next = await call('/v1/ping');
    expect(next.status).toBe(200);
    expect(next.headers.get('ratelimit-interval-remaining')).toBe('4');
  });

  it('decrements the monthly counter per accepted call and stops at 0 until the 30-day period ends', async () => {
    const { call, clock } = setup({ monthlyQuota: 3 });
    const seen: Array<string | null> = [];
    for (let i = 0; i < 3; i += 1) {
      clock.now += 1000;
      const res = await call('/v1/ping');
      expect(res.status).toBe(200);
      seen.push(res.headers.get('ratelimit-monthly-remaining'));
    }
    expect(seen).toEqual(['2', '1', '0']);
    const periodStart = T0 + 1000;
    const exhausted = await call('/v1/events');
    expect(exhausted.status).toBe(429);
    const reset = Math.ceil((periodStart + 30 * 86_400_000) / 1000);
    expect(exhausted.headers.get('ratelimit-reset')).toBe(String(reset));
    expect(Number(exhausted.headers.get('retry-after'))).toBe(reset - Math.floor(clock.now / 1000));
    expect(exhausted.headers.get('ratelimit-monthly-remaining')).toBe('0');
    clock.now = periodStart + 30 * 86_400_000;
    const renewed = await call('/v1/ping');
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get('ratelimit-monthly-remaining')).toBe('2');
  });
});

describe('control routes', () => {
  it('outage: the next N API calls answer the given status, then normal service resumes', async () => {
    const { call, control } = setup();
    expect((await control('/outage', { status: 503, count: 2 })).status).toBe(200);
    for (let i = 0; i < 2; i += 1) {
      const res = await call('/v1/events');
      expect(res.status).toBe(503);
      expect(((await res.json()) as ErrorDoc).errors[0]?.status).toBe('service_unavailable');
    }
    expect((await call('/v1/events')).status).toBe(200);
  });

  it('outage without count lasts until cleared with status 0', async () => {
    const { call, control } = setup();
    await control('/outage', { status: 500 });
    for (let i = 0; i < 3; i += 1) expect((await call('/v1/ping')).status).toBe(500);
    await control('/outage', { status: 0 });
    expect((await call('/v1/ping')).status).toBe(200);
  });

  it.each([{ status: 200 }, { status: 'x' }, { count: 2 }])('outage rejects invalid body %j', async (body) => {
    const { control } = setup();
    expect((await control('/outage', body)).status).toBe(422);
  });

  it('stats count only /v1 calls by route; reset zeroes them and reseeds', async () => {
    const { call, control, sandbox } = setup();
    await call('/v1/events');
    await call('/v1/events?page[size]=2');
    await call(`/v1/events/${SEED_EVENTS.french.id}`);
    await call('/v1/sessions');
    await call('/v1/ping', {}, 'bad-token');
    await call('/nope');
    const res = await control('/stats');
    expect(res.status).toBe(200);
    const expected = { requests: 5, byRoute: { 'GET /events': 2, 'GET /events/:id': 1, 'GET /sessions': 1, 'GET /ping': 1 } };
    expect(await res.json()).toMatchObject(expected);
    expect(sandbox.stats()).toMatchObject({ ...expected, throttled: 0 });
    // Five calls in a burst, all within one second of each other.
    expect(sandbox.stats().peakPerSecond).toBe(5);
    expect((await control('/reset', {})).status).toBe(200);
    expect(sandbox.stats()).toEqual({ requests: 0, byRoute: {}, throttled: 0, peakPerSecond: 0 });
  });

  it('session status changes keep timestamps and the event scheduling_status consistent', async () => {
    const { control, json, clock } = setup();
    const id = SEED_SESSIONS.soon;
    clock.now = T0 + 3 * 3_600_000;
    const nowS = Math.floor(clock.now / 1000);

    const live = (await (await control(`/sessions/${id}/status`, { status: 'live' })).json()) as { data: SessionResource };
    expect(live.data.attributes).toMatchObject({ status: 'live', started_at: nowS, ended_at: 0, canceled_at: 0 });
    const event = await json<{ data: EventResource }>(`/v1/events/${SEED_EVENTS.onboarding.id}`);
    expect(event.data.attributes.scheduling_status).toBe('live');

    clock.now += 3_600_000;
    const past = (await (await control(`/sessions/${id}/status`, { status: 'past' })).json()) as { data: SessionResource };
    expect(past.data.attributes).toMatchObject({ status: 'past', started_at: nowS, ended_at: nowS + 3600, duration: 3600 });

    const canceled = (await (await control(`/sessions/${id}/status`, { status: 'canceled' })).json()) as { data: SessionResource };
    expect(canceled.data.attributes).toMatchObject({ status: 'canceled', started_at: 0, ended_at: 0, canceled_at: nowS + 3600 });

    const upcoming = (await (await control(`/sessions/${id}/status`, { status: 'upcoming' })).json()) as { data: SessionResource };
    expect(upcoming.data.attributes).toMatchObject({ status: 'upcoming', started_at: 0, ended_at: 0, canceled_at: 0, duration: null });

    const fetched = await json<{ data: SessionResource }>(`/v1/sessions/${id}`);
    expect(fetched.data.attributes.status).toBe('upcoming');
    expect((await control('/sessions/unknown/status', { status: 'live' })).status).toBe(404);
    expect((await control(`/sessions/${id}/status`, { status: 'on_air' })).status).toBe(422);
  });

  it('reset restores a fresh seed', async () => {
    const { control, json } = setup();
    await control(`/sessions/${SEED_SESSIONS.soon}/status`, { status: 'canceled' });
    await control('/reset', {});
    const doc = await json<{ data: SessionResource }>(`/v1/sessions/${SEED_SESSIONS.soon}`);
    expect(doc.data.attributes.status).toBe('upcoming');
  });

  it('unknown control routes are 404 and are not counted', async () => {
    const { control, sandbox } = setup();
    expect((await control('/nothing', {})).status).toBe(404);
    expect(sandbox.stats().requests).toBe(0);
  });
});

describe('peakInWindow', () => {
  it.each([
    [[], 0],
    [[0], 1],
    [[0, 999], 2],
    [[0, 1000], 1],
    [[0, 200, 400, 600, 800, 1000, 1200], 5],
    [[0, 0, 0, 5000, 5001], 3],
  ])('%j → %i', (times, peak) => {
    expect(peakInWindow(times, 1000)).toBe(peak);
  });
});
