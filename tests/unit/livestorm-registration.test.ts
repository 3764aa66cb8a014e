import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLivestormClient, type LivestormClient } from '@/lib/livestorm/client';
import { LivestormError } from '@/lib/livestorm/errors';
import {
  fetchFieldLabels,
  isAlreadyRegistered,
  registerPerson,
  toRegistrationBody,
} from '@/lib/livestorm/registration';
import { SEED_REGISTERED_EMAIL, SEED_SESSIONS, createSandbox, type SandboxInstance } from '@/lib/sandbox';
import { EMPTY_ATTRIBUTION } from '@/lib/attribution';
import type { Answer, RegistrationRequest } from '@/lib/livestorm/types';
import { sandboxClient } from './sandbox-client';

// The real client against the real in-process sandbox handler: no mocks.

const TOKEN = 'registration-test-token';
const BASE = 'http://sandbox.internal';

let dataDir: string;
let sandbox: SandboxInstance;
let client: LivestormClient;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livestorm-registration-'));
  sandbox = createSandbox({ token: TOKEN, dataDir, requestsPerSecond: 1000 });
  client = sandboxClient(sandbox, TOKEN);
});

afterEach(() => {
  sandbox.flush();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function control(route: string, body: unknown): Promise<void> {
  const response = await sandbox.handle(
    new Request(`${BASE}/__sandbox${route}`, { method: 'POST', body: JSON.stringify(body) }),
  );
  expect(response.status).toBe(200);
}

const calls = (route: string): number => sandbox.stats().byRoute[route] ?? 0;

function request(sessionId: string, email: string, answers: Answer[] = []): RegistrationRequest {
  return {
    sessionId,
    email,
    answers: [{ id: 'first_name', value: 'Jane' }, { id: 'last_name', value: 'Doe' }, ...answers],
    attribution: EMPTY_ATTRIBUTION,
  };
}

/** One answer of every kind the workshop form (SEED_SESSIONS.allFieldTypes) asks for. */
const EVERY_TYPE: RegistrationRequest = {
  sessionId: SEED_SESSIONS.allFieldTypes,
  email: 'jane.doe@example.com',
  answers: [
    { id: 'first_name', value: 'Jane' },
    { id: 'email', value: 'IGNORED@example.com' },
    { id: 'last_name', value: '' },
    { id: 'avatar', value: null },
    { id: 'company', value: 'Acme Corp' },
    { id: 'custom_email', value: 'billing@acme.example' },
    { id: 'website', value: 'https://acme.example' },
    { id: 'team_size', value: '11-50' },
    { id: 'interests', value: ['Reporting', 'API'] },
    { id: 'country', value: 'France' },
    { id: 'tools_used', value: [] },
    { id: 'newsletter_optin', value: true },
    { id: 'company_logo', value: '   ' },
    { id: 'phone', value: '+33 1 23 45 67 89' },
  ],
  attribution: {
    referrer: 'www.example.com/webinars',
    utmSource: 'newsletter',
    utmMedium: null,
    utmCampaign: 'spring-launch',
    utmTerm: null,
    utmContent: '',
  },
};

describe('toRegistrationBody', () => {
  it('sends every answer type in order, email once, no empty answers and no null tracking', () => {
    expect(toRegistrationBody(EVERY_TYPE)).toEqual({
      data: {
        type: 'people',
        attributes: {
          fields: [
            { id: 'first_name', value: 'Jane' },
            { id: 'email', value: 'jane.doe@example.com' },
            { id: 'company', value: 'Acme Corp' },
            { id: 'custom_email', value: 'billing@acme.example' },
            { id: 'website', value: 'https://acme.example' },
            { id: 'team_size', value: '11-50' },
            { id: 'interests', value: ['Reporting', 'API'] },
            { id: 'country', value: 'France' },
            { id: 'newsletter_optin', value: 'true' },
            { id: 'phone', value: '+33 1 23 45 67 89' },
          ],
          referrer: 'www.example.com/webinars',
          utm_source: 'newsletter',
          utm_campaign: 'spring-launch',
        },
      },
    });
  });

  it('puts email first when no answer carries it, sends a refused consent, and omits all-null tracking', () => {
    const body = toRegistrationBody({
      sessionId: 's',
      email: 'jane@example.com',
      answers: [
        { id: 'company', value: 'Acme' },
        { id: 'newsletter_optin', value: false },
        { id: 'company', value: 'Second copy' },
      ],
      attribution: EMPTY_ATTRIBUTION,
    });
    expect(body).toEqual({
      data: {
        type: 'people',
        attributes: {
          fields: [
            { id: 'email', value: 'jane@example.com' },
            { id: 'company', value: 'Acme' },
            { id: 'newsletter_optin', value: 'false' },
          ],
        },
      },
    });
    expect(Object.keys(body.data.attributes)).toEqual(['fields']);
  });

  it('is accepted as is by the sandbox', async () => {
    await expect(registerPerson(client, EVERY_TYPE)).resolves.toMatchObject({ kind: 'registered' });
  });
});

describe('registerPerson', () => {
  it('registers and returns the personal join link', async () => {
    const outcome = await registerPerson(client, request(SEED_SESSIONS.soon, 'new.person@example.com'));
    expect(outcome.kind).toBe('registered');
    const joinLink = outcome.kind === 'registered' ? outcome.joinLink : null;
    expect(joinLink).toMatch(/^https:\/\/app\.livestorm\.co\/p\/.+\/live\?email=new\.person%40example\.com&key=[0-9a-f]{22}&s=/);
    await expect(isAlreadyRegistered(client, SEED_SESSIONS.soon, 'new.person@example.com')).resolves.toBe(true);
  });

  it('answers already_registered without a link the second time (409, no lookup needed)', async () => {
    const again = request(SEED_SESSIONS.soon, 'twice@example.com');
    await expect(registerPerson(client, again)).resolves.toMatchObject({ kind: 'registered' });
    await expect(registerPerson(client, again)).resolves.toEqual({ kind: 'already_registered' });
    expect(calls('GET /sessions/:id/people')).toBe(0);
  });

  it('recognises the seeded registrant on its session', async () => {
    await expect(registerPerson(client, request(SEED_SESSIONS.registered, SEED_REGISTERED_EMAIL))).resolves.toEqual({
      kind: 'already_registered',
    });
  });

  it('resolves a 422 to already_registered when the lookup finds the person', async () => {
    const mine = request(SEED_SESSIONS.soon, 'early.bird@example.com');
    await registerPerson(client, mine);
    await control(`/sessions/${SEED_SESSIONS.soon}/status`, { status: 'past' });
    await expect(registerPerson(client, mine)).resolves.toEqual({ kind: 'already_registered' });
    expect(calls('GET /sessions/:id/people')).toBe(1);
    expect(calls('GET /sessions/:id')).toBe(0);
  });

  it.each([
    ['past', SEED_SESSIONS.past],
    ['canceled', SEED_SESSIONS.canceled],
    ['live', SEED_SESSIONS.live],
    ['draft', SEED_SESSIONS.draft],
  ])('answers closed for a %s session', async (status, sessionId) => {
    const outcome = await registerPerson(client, request(sessionId, 'late.comer@example.com'));
    expect(outcome.kind).toBe('closed');
    expect(outcome.kind === 'closed' ? outcome.detail : null).toContain(`session status: ${status}`);
    expect(calls('GET /sessions/:id/people')).toBe(1);
    expect(calls('GET /sessions/:id')).toBe(1);
  });

  it('answers closed once a session stops being upcoming', async () => {
    await control(`/sessions/${SEED_SESSIONS.soon}/status`, { status: 'canceled' });
    await expect(registerPerson(client, request(SEED_SESSIONS.soon, 'someone@example.com'))).resolves.toMatchObject({
      kind: 'closed',
    });
  });

  it('answers closed for an unknown session', async () => {
    const outcome = await registerPerson(client, request('00000000-0000-4000-8000-000000000000', 'someone@example.com'));
    expect(outcome.kind).toBe('closed');
  });

  it('answers rejected, without the address, when an open session refuses a value (422)', async () => {
    const outcome = await registerPerson(client, request(SEED_SESSIONS.soon, 'jane@localhost'));
    expect(outcome.kind).toBe('rejected');
    const detail = outcome.kind === 'rejected' ? outcome.detail : null;
    expect(detail).toContain('[email]');
    expect(detail).not.toContain('jane@localhost');
    expect(calls('GET /sessions/:id')).toBe(1);
    expect(calls('GET /events/:id')).toBe(1);
  });

  it('answers rejected for a malformed document (400)', async () => {
    const outcome = await registerPerson(client, request(SEED_SESSIONS.soon, 'x@example.com', [{ id: '', value: 'x' }]));
    expect(outcome.kind).toBe('rejected');
  });

  it('throws the outage unchanged, without retrying the write', async () => {
    await control('/outage', { status: 503, count: 1 });
    const failure = await registerPerson(client, request(SEED_SESSIONS.soon, 'outage@example.com')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LivestormError);
    expect(failure).toMatchObject({ kind: 'unavailable', status: 503 });
    expect(String(failure)).not.toContain('outage@example.com');
    expect(calls('POST /sessions/:id/people')).toBe(1);
  });

  it('throws an auth failure unchanged', async () => {
    const stranger = createLivestormClient({
      baseUrl: `${BASE}/v1`,
      token: 'wrong-token',
      transport: (r) => sandbox.handle(r),
      timeoutMs: 2_000,
      maxRequestsPerSecond: 1000,
    });
    await expect(registerPerson(stranger, request(SEED_SESSIONS.soon, 'a@example.com'))).rejects.toMatchObject({
      kind: 'unauthorized',
    });
  });
});

describe('isAlreadyRegistered', () => {
  it.each([
    ['the seeded registrant on its session', SEED_SESSIONS.registered, SEED_REGISTERED_EMAIL, true],
    ['the seeded registrant, differently cased', SEED_SESSIONS.registered, SEED_REGISTERED_EMAIL.toUpperCase(), true],
    ['the seeded registrant on another session', SEED_SESSIONS.soon, SEED_REGISTERED_EMAIL, false],
    ['an unknown address', SEED_SESSIONS.registered, 'nobody@example.com', false],
    ['an unknown session', '00000000-0000-4000-8000-000000000000', SEED_REGISTERED_EMAIL, false],
  ])('%s → %s', async (_, sessionId, email, expected) => {
    await expect(isAlreadyRegistered(client, sessionId, email)).resolves.toBe(expected);
  });
});

describe('fetchFieldLabels', () => {
  it("returns the workspace's attribute names and placeholders", async () => {
    const labels = await fetchFieldLabels(client);
    const bySlug = new Map(labels.map((label) => [label.slug, label]));
    expect(bySlug.get('company')).toEqual({ slug: 'company', name: 'Company', placeholder: 'Acme Corp' });
    expect(bySlug.get('email')).toEqual({ slug: 'email', name: 'Email', placeholder: 'you@company.com' });
    expect(bySlug.get('team_size')).toEqual({ slug: 'team_size', name: 'Team size', placeholder: null });
    expect(bySlug.get('phone')).toMatchObject({ name: 'Phone number' });
    expect(new Set(labels.map((label) => label.slug)).size).toBe(labels.length);
  });
});
