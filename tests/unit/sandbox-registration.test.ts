import { describe, expect, it } from 'vitest';
import {
  SEED_EVENTS,
  SEED_REGISTERED_EMAIL,
  SEED_SESSIONS,
  createSandbox,
  type PersonAttributes,
  type SessionAttributes,
} from '@/lib/sandbox';

// POST /sessions/:id/people and GET /sessions/:id/people.

const TOKEN = 'test-token';
const T0 = Date.UTC(2026, 2, 2, 10, 15, 0);

interface PersonDoc {
  data: { id: string; type: string; attributes: PersonAttributes };
}
interface ErrorDoc {
  errors: Array<{ title: string; detail: string; code: string; status: string }>;
}

function setup() {
  const clock = { now: T0 };
  const sandbox = createSandbox({ token: TOKEN, now: () => clock.now, requestsPerSecond: 1000 });
  const register = (sessionId: string, body: unknown, contentType = 'application/vnd.api+json') =>
    sandbox.handle(
      new Request(`http://sandbox.internal/v1/sessions/${sessionId}/people`, {
        method: 'POST',
        headers: { Authorization: TOKEN, 'Content-Type': contentType, Accept: 'application/vnd.api+json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  const get = async <T>(path: string): Promise<T> => {
    const res = await sandbox.handle(new Request(`http://sandbox.internal/v1${path}`, { headers: { Authorization: TOKEN } }));
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  return { sandbox, clock, register, get };
}

type FieldInput = { id: string; value: string | string[] | boolean | null };
const doc = (fields: FieldInput[], extra: Record<string, string> = {}) => ({
  data: { type: 'people', attributes: { fields, ...extra } },
});
const basic = (email: string): FieldInput[] => [
  { id: 'email', value: email },
  { id: 'first_name', value: 'Jane' },
  { id: 'last_name', value: 'Doe' },
];

describe('registration success', () => {
  it('returns 201 with the §13 D people document and bumps registrants_count', async () => {
    const { register, get } = setup();
    const sessionId = SEED_SESSIONS.soon;
    const eventId = SEED_EVENTS.onboarding.id;
    const before = await get<{ data: { attributes: SessionAttributes } }>(`/sessions/${sessionId}`);

    const res = await register(
      sessionId,
      doc([...basic('Jane.Doe+Demo@Example.com'), { id: 'company', value: 'Acme Corp' }], {
        referrer: 'www.example.com/webinars',
        utm_source: 'newsletter',
        utm_medium: 'email',
        utm_campaign: 'spring-launch',
        utm_term: '',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/vnd.api+json');
    expect(res.headers.get('ratelimit-monthly-remaining')).toBe('9998');
    const body = (await res.json()) as PersonDoc;
    expect(body.data.type).toBe('people');
    expect(body.data.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const a = body.data.attributes;
    const nowS = Math.floor(T0 / 1000);
    expect(a).toMatchObject({
      role: 'participant',
      created_at: nowS,
      updated_at: nowS,
      timezone: null,
      first_name: 'Jane',
      last_name: 'Doe',
      email: 'jane.doe+demo@example.com',
      avatar_link: null,
      messages_count: 0,
      questions_count: 0,
      votes_count: 0,
      up_votes_count: 0,
      replay_view_detail: null,
    });
    const d = a.registrant_detail;
    expect(Object.keys(d)).toEqual([
      'event_id',
      'session_id',
      'created_at',
      'updated_at',
      'fields',
      'referrer',
      'utm_source',
      'utm_medium',
      'utm_term',
      'utm_content',
      'utm_campaign',
      'browser_version',
      'browser_name',
      'os_name',
      'os_version',
      'screen_height',
      'screen_width',
      'ip_city',
      'ip_country_code',
      'ip_country_name',
      'password_key',
      'connection_link',
      'attended',
      'attendance_rate',
      'attendance_duration',
      'has_viewed_replay',
      'registration_type',
      'is_highlighted',
      'is_guest_speaker',
      'session_role',
    ]);
    expect(d).toMatchObject({
      event_id: eventId,
      session_id: sessionId,
      referrer: 'www.example.com/webinars',
      utm_source: 'newsletter',
      utm_medium: 'email',
      utm_term: '',
      utm_content: null,
      utm_campaign: 'spring-launch',
      browser_name: null,
      ip_country_code: null,
      attended: false,
      attendance_rate: null,
      attendance_duration: 0,
      has_viewed_replay: false,
      registration_type: 'API',
      is_highlighted: false,
      is_guest_speaker: false,
      session_role: null,
    });
    expect(d.password_key).toMatch(/^[0-9a-f]{22}$/);
    expect(d.connection_link).toBe(
      `https://app.livestorm.co/p/${eventId}/live?email=jane.doe%2Bdemo%40example.com&key=${d.password_key}&s=${sessionId}`,
    );
    // Every form field is echoed in form order with its definition; unanswered ones are null.
    expect(d.fields).toEqual([
      { id: 'email', type: 'text', value: 'jane.doe+demo@example.com', required: true },
      { id: 'first_name', type: 'text', value: 'Jane', required: true },
      { id: 'last_name', type: 'text', value: 'Doe', required: true },
      { id: 'company', type: 'text', value: 'Acme Corp', required: true, custom: true },
      { id: 'job_title', type: 'text', value: null, required: false, custom: true },
    ]);

    const after = await get<{ data: { attributes: SessionAttributes } }>(`/sessions/${sessionId}`);
    expect(after.data.attributes.registrants_count).toBe(before.data.attributes.registrants_count + 1);
  });

  it('accepts application/json and only an email', async () => {
    const { register } = setup();
    const res = await register(SEED_SESSIONS.xss, doc([{ id: 'email', value: 'solo@example.com' }]), 'application/json; charset=utf-8');
    expect(res.status).toBe(201);
    const body = (await res.json()) as PersonDoc;
    expect(body.data.attributes.first_name).toBeNull();
  });

  it('accepts a session whose start passed while its host has not started it (status still upcoming)', async () => {
    const { register } = setup();
    expect((await register(SEED_SESSIONS.lateHost, doc(basic('late@example.com')))).status).toBe(201);
  });

  it('validates and echoes every field type of the all-types form', async () => {
    const { register } = setup();
    const res = await register(
      SEED_SESSIONS.allFieldTypes,
      doc([
        ...basic('all@example.com'),
        { id: 'avatar', value: 'https://cdn.example.com/me.PNG' },
        { id: 'company', value: 'Globex' },
        { id: 'custom_email', value: 'billing@globex.example' },
        { id: 'website', value: 'https://globex.example' },
        { id: 'team_size', value: '11-50' },
        { id: 'interests', value: ['Reporting', 'API'] },
        { id: 'country', value: 'Japan' },
        { id: 'tools_used', value: ['Excel', 'Looker'] },
        { id: 'newsletter_optin', value: true },
        { id: 'company_logo', value: 'https://cdn.example.com/logo.svg' },
        { id: 'phone', value: '+33 1 23 45 67 89' },
      ]),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as PersonDoc;
    const byId = Object.fromEntries(body.data.attributes.registrant_detail.fields.map((f) => [f.id, f]));
    expect(byId.interests).toEqual({ id: 'interests', type: 'multiple', value: ['Reporting', 'API'], required: false, custom: true });
    expect(byId.team_size?.value).toBe('11-50');
    expect(byId.tools_used).toMatchObject({ type: 'multiple_select', value: ['Excel', 'Looker'] });
    expect(byId.newsletter_optin).toMatchObject({ type: 'consent', value: true, required: false });
    expect(byId.phone).toMatchObject({ type: 'phone_number', value: '+33 1 23 45 67 89' });
    expect(body.data.attributes.avatar_link).toBe('https://cdn.example.com/me.PNG');
  });

  it('GET /sessions/:id/people finds the registrant by email, case-insensitively', async () => {
    const { register, get } = setup();
    await register(SEED_SESSIONS.soon, doc(basic('finder@example.com')));
    type List = { data: Array<{ attributes: PersonAttributes }>; meta: { record_count: number } };
    const found = await get<List>(`/sessions/${SEED_SESSIONS.soon}/people?filter[email]=${encodeURIComponent('Finder@Example.COM')}`);
    expect(found.data.map((p) => p.attributes.email)).toEqual(['finder@example.com']);
    const none = await get<List>(`/sessions/${SEED_SESSIONS.soon}/people?filter[email]=finder@example.org`);
    expect(none.data).toEqual([]);
    const all = await get<List>(`/sessions/${SEED_SESSIONS.soon}/people`);
    const session = await get<{ data: { attributes: SessionAttributes } }>(`/sessions/${SEED_SESSIONS.soon}`);
    expect(all.meta.record_count).toBe(session.data.attributes.registrants_count);
  });
});

describe('registration errors', () => {
  it('409 when the same email (any case) is already registered to the session', async () => {
    const { register } = setup();
    expect((await register(SEED_SESSIONS.soon, doc(basic('dup@example.com')))).status).toBe(201);
    const res = await register(SEED_SESSIONS.soon, doc(basic('  DUP@Example.com ')));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      errors: [{ title: 'Conflict', detail: 'This person is already registered to this session', code: '409', status: 'conflict' }],
    });
    // Another session of the same event is a separate registration.
    const other = await register(SEED_SESSIONS.dst, doc(basic('dup@example.com')));
    expect(other.status).toBe(201);
  });

  it('409 for the seeded registrant', async () => {
    const { register } = setup();
    expect((await register(SEED_SESSIONS.registered, doc(basic(SEED_REGISTERED_EMAIL.toUpperCase())))).status).toBe(409);
  });

  it.each([
    { name: 'live', sessionId: SEED_SESSIONS.live },
    { name: 'past', sessionId: SEED_SESSIONS.past },
    { name: 'canceled', sessionId: SEED_SESSIONS.canceled },
    { name: 'draft', sessionId: SEED_SESSIONS.draft },
  ])('422 on a $name session', async ({ sessionId }) => {
    const { register } = setup();
    const res = await register(sessionId, doc(basic('nope@example.com')));
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorDoc;
    expect(body.errors[0]?.status).toBe('unprocessable_entity');
    expect(body.errors[0]?.detail).toMatch(/not open for registration/);
  });

  it.each([
    { name: 'missing email', fields: [{ id: 'first_name', value: 'Jane' }], detail: /email/i },
    { name: 'empty email', fields: [{ id: 'email', value: '  ' }], detail: /email/i },
    { name: 'invalid email', fields: [{ id: 'email', value: 'jane@' }], detail: /email/i },
    { name: 'email as array', fields: [{ id: 'email', value: ['a@example.com'] }], detail: /email/i },
    { name: 'unknown field', fields: [...basic('x@example.com'), { id: 'favorite_color', value: 'green' }], detail: /favorite_color/ },
    { name: 'duplicate field', fields: [...basic('x@example.com'), { id: 'first_name', value: 'J' }], detail: /more than once/ },
    { name: 'text field given an array', fields: [...basic('x@example.com'), { id: 'company', value: ['A'] }], detail: /company/ },
  ] satisfies Array<{ name: string; fields: FieldInput[]; detail: RegExp }>)('422 on $name', async ({ fields, detail }) => {
    const { register } = setup();
    const res = await register(SEED_SESSIONS.soon, doc(fields));
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorDoc).errors[0]?.detail).toMatch(detail);
  });

  it.each([
    { name: 'single choice not in options', field: { id: 'team_size', value: '1000+' } },
    { name: 'single choice given an array', field: { id: 'team_size', value: ['1-10'] } },
    { name: 'multiple choice given a string', field: { id: 'interests', value: 'API' } },
    { name: 'multiple choice with unknown option', field: { id: 'tools_used', value: ['Excel', 'Notepad'] } },
    { name: 'invalid custom email', field: { id: 'custom_email', value: 'not-an-email' } },
    { name: 'invalid url', field: { id: 'website', value: 'javascript:alert(1)' } },
    { name: 'avatar not an image url', field: { id: 'avatar', value: 'https://example.com/me.gif' } },
    { name: 'consent given a number-like word', field: { id: 'newsletter_optin', value: 'maybe' } },
  ] satisfies Array<{ name: string; field: FieldInput }>)('422 on $name', async ({ field }) => {
    const { register } = setup();
    const res = await register(SEED_SESSIONS.allFieldTypes, doc([...basic('typed@example.com'), field]));
    expect(res.status).toBe(422);
  });

  it.each([
    { name: 'malformed JSON', body: '{"data": {' },
    { name: 'empty body', body: '' },
    { name: 'fields as an object', body: { data: { type: 'people', attributes: { fields: { email: 'a@example.com' } } } } },
    { name: 'top-level attributes instead of fields', body: { data: { type: 'people', attributes: { email: 'a@example.com' } } } },
    { name: 'field without value', body: { data: { type: 'people', attributes: { fields: [{ id: 'email' }] } } } },
    { name: 'numeric value', body: { data: { type: 'people', attributes: { fields: [{ id: 'email', value: 42 }] } } } },
    { name: 'wrong resource type', body: { data: { type: 'registrations', attributes: { fields: [] } } } },
    { name: 'no data member', body: { fields: [{ id: 'email', value: 'a@example.com' }] } },
  ])('400 on $name', async ({ body }) => {
    const { register } = setup();
    const res = await register(SEED_SESSIONS.soon, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorDoc).errors[0]?.status).toBe('bad_request');
  });

  it('404 on an unknown session', async () => {
    const { register } = setup();
    const res = await register('00000000-0000-4000-8000-000000000000', doc(basic('a@example.com')));
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorDoc).errors[0]?.status).toBe('not_found');
  });

  it('415 on a non-JSON content type', async () => {
    const { register } = setup();
    const res = await register(SEED_SESSIONS.soon, 'email=a@example.com', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
  });

  it('a rejected registration leaves registrants_count unchanged', async () => {
    const { register, get } = setup();
    const before = await get<{ data: { attributes: SessionAttributes } }>(`/sessions/${SEED_SESSIONS.soon}`);
    await register(SEED_SESSIONS.soon, doc([{ id: 'email', value: 'bad' }]));
    const after = await get<{ data: { attributes: SessionAttributes } }>(`/sessions/${SEED_SESSIONS.soon}`);
    expect(after.data.attributes.registrants_count).toBe(before.data.attributes.registrants_count);
  });
});

describe('a session with many registrants (pages of 50)', () => {
  it('lists 130 registrants of the big past session over three pages, each e-mail once, with filters on any page', async () => {
    const sandbox = createSandbox({ token: 'many-token', requestsPerSecond: 1000 });
    const get = async (query: string) =>
      (await sandbox.handle(new Request(`http://sandbox.internal/v1/sessions/${SEED_SESSIONS.past}/people?${query}`, { headers: { Authorization: 'many-token' } }))).json();
    const pages = await Promise.all([0, 1, 2].map((n) => get(`page[size]=50&page[number]=${n}`)));
    expect(pages.map((page) => page.data.length)).toEqual([50, 50, 30]);
    expect(pages[0].meta).toMatchObject({ record_count: 130, page_count: 3, next_page: 1 });
    const emails = pages.flatMap((page) => page.data.map((person: { attributes: { email: string } }) => person.attributes.email));
    expect(new Set(emails).size).toBe(130);
    const last = emails.at(-1)!;
    expect((await get(`filter[email]=${encodeURIComponent(last)}`)).data).toHaveLength(1);
    const attended = await get('filter[attended]=true&page[size]=50');
    expect(attended.meta.record_count).toBeGreaterThan(0);
    expect(attended.meta.record_count).toBeLessThan(130);
  });
});
