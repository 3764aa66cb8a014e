import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_ATTRIBUTION } from '@/lib/attribution';
import { MAX_PEOPLE_PER_JOB, getBulkJob, getBulkJobTasks, startBulkRegistration } from '@/lib/livestorm/bulk';
import type { LivestormClient } from '@/lib/livestorm/client';
import { LivestormError } from '@/lib/livestorm/errors';
import { verifyWebhookSignature } from '@/lib/livestorm/webhooks';
import type { RegistrationRequest } from '@/lib/livestorm/types';
import { SANDBOX_WEBHOOK_SECRET, SEED_REGISTERED_EMAIL, SEED_SESSIONS, createSandbox, type SandboxInstance } from '@/lib/sandbox';
import { sandboxClient } from './sandbox-client';

// Bulk registration (docs/livestorm-api.md §14.1): the real client against the real sandbox.

const TOKEN = 'bulk-test-token';
const BASE = 'http://sandbox.internal';
const SESSION = SEED_SESSIONS.registered; // product demo: email, first and last name, company

let dataDir: string;
let sandbox: SandboxInstance;
let client: LivestormClient;
let deliveries: Array<{ event: string; body: string; signature: string | null }>;

function open(dir: string): SandboxInstance {
  return createSandbox({
    token: TOKEN,
    dataDir: dir,
    requestsPerSecond: 1000,
    bulkTaskMs: 1,
    webhookTransport: async (request) => {
      const body = await request.text();
      deliveries.push({ event: JSON.parse(body).data.meta.webhook.event, body, signature: request.headers.get('x-livestorm-signature') });
      return new Response(null, { status: 204 });
    },
  });
}

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livestorm-bulk-'));
  deliveries = [];
  sandbox = open(dataDir);
  client = sandboxClient(sandbox, TOKEN);
  await sandbox.handle(
    new Request(`${BASE}/v1/webhooks`, {
      method: 'POST',
      headers: { Authorization: TOKEN, 'Content-Type': 'application/vnd.api+json' },
      body: JSON.stringify({ data: { type: 'webhooks', attributes: { url: 'https://hooks.example.com/x', event: 'job.ended' } } }),
    }),
  );
});

afterEach(async () => {
  await sandbox.jobsIdle();
  sandbox.flush();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const person = (email: string, first = 'Zoë', company = 'Globex'): RegistrationRequest => ({
  sessionId: SESSION,
  email,
  answers: [
    { id: 'first_name', value: first },
    { id: 'last_name', value: 'Müller' },
    { id: 'company', value: company },
  ],
  attribution: { ...EMPTY_ATTRIBUTION, utmSource: 'import' },
});

async function people(sessionId: string): Promise<Array<{ email: string; registrant_detail: { fields: Array<{ id: string; value: unknown }>; utm_source: string | null } }>> {
  const response = await sandbox.handle(
    new Request(`${BASE}/v1/sessions/${sessionId}/people?page[size]=50`, { headers: { Authorization: TOKEN } }),
  );
  return (await response.json()).data.map((item: { attributes: unknown }) => item.attributes);
}

describe('bulk registration', () => {
  it('registers every valid person once, reports duplicates and refusals per task, for one call', async () => {
    const before = sandbox.stats().requests;
    const job = await startBulkRegistration(client, SESSION, [
      person('ana@example.com'),
      person(SEED_REGISTERED_EMAIL),
      person('bad-address@example'),
      person('bo@example.com', 'Bo'),
      person('ana@example.com'),
    ]);
    expect(sandbox.stats().requests - before).toBe(1);
    expect(job.state).toBe('processing');
    expect(job.total).toBe(5);

    await sandbox.jobsIdle();
    const done = await getBulkJob(client, job.id);
    expect(done).toMatchObject({ state: 'failed', total: 5, processed: 5, succeeded: 2, failed: 3 });

    const tasks = await getBulkJobTasks(client, job.id);
    expect(tasks.map((task) => [task.email, task.outcome])).toEqual([
      ['ana@example.com', 'registered'],
      [SEED_REGISTERED_EMAIL, 'already_registered'],
      ['bad-address@example', 'rejected'],
      ['bo@example.com', 'registered'],
      ['ana@example.com', 'already_registered'],
    ]);
    // The refusal says why without repeating the address.
    expect(tasks[2]!.detail).toMatch(/valid email/);
    expect(tasks[2]!.detail).not.toContain('bad-address');

    const registered = (await people(SESSION)).filter((p) => ['ana@example.com', 'bo@example.com'].includes(p.email));
    expect(registered).toHaveLength(2);
    const ana = registered.find((p) => p.email === 'ana@example.com')!;
    expect(ana.registrant_detail.fields.find((field) => field.id === 'company')?.value).toBe('Globex');
    expect(ana.registrant_detail.utm_source).toBe('import');

    await sandbox.webhooksIdle();
    const ended = deliveries.filter((delivery) => delivery.event === 'job.ended');
    expect(ended).toHaveLength(1);
    expect(JSON.parse(ended[0]!.body).data).toMatchObject({ id: job.id, type: 'jobs', attributes: { status: 'failed', success: 2, fail: 3 } });
    expect(verifyWebhookSignature(ended[0]!.body, ended[0]!.signature, SANDBOX_WEBHOOK_SECRET, Date.now()).ok).toBe(true);
  });

  it('ends a job whose every task went through as "ended"', async () => {
    const job = await startBulkRegistration(client, SESSION, [person('c1@example.com'), person('c2@example.com')]);
    await sandbox.jobsIdle();
    expect(await getBulkJob(client, job.id)).toMatchObject({ state: 'ended', succeeded: 2, failed: 0 });
  });

  it('refuses more than 50 people or none before any call, and Livestorm refuses them too', async () => {
    const many = Array.from({ length: MAX_PEOPLE_PER_JOB + 1 }, (_, i) => person(`p${i}@example.com`));
    await expect(startBulkRegistration(client, SESSION, many)).rejects.toThrow(RangeError);
    await expect(startBulkRegistration(client, SESSION, [])).rejects.toThrow(RangeError);
    const raw = await sandbox.handle(
      new Request(`${BASE}/v1/sessions/${SESSION}/people/bulk`, {
        method: 'POST',
        headers: { Authorization: TOKEN, 'Content-Type': 'application/vnd.api+json' },
        body: JSON.stringify({ data: { type: 'jobs', attributes: { tasks: many.map((r) => ({ attributes: { fields: [{ id: 'email', value: r.email }] } })) } } }),
      }),
    );
    expect(raw.status).toBe(422);
  });

  it('answers 404 for an unknown session, and reports every task closed on a session that is over', async () => {
    const unknown = await startBulkRegistration(client, 'no-such-session', [{ ...person('x@example.com'), sessionId: 'no-such-session' }]).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(LivestormError);
    expect((unknown as LivestormError).kind).toBe('not_found');

    const past = SEED_SESSIONS.past;
    const job = await startBulkRegistration(client, past, [{ ...person('late@example.com'), sessionId: past }]);
    await sandbox.jobsIdle();
    expect((await getBulkJobTasks(client, job.id))[0]).toMatchObject({ outcome: 'closed' });
  });

  it('accepts the task envelopes seen in the wild: {attributes}, {type, attributes} and bare attributes', async () => {
    const tasks = [
      { attributes: { fields: [{ id: 'email', value: 'e1@example.com' }] } },
      { type: 'people', attributes: { fields: [{ id: 'email', value: 'e2@example.com' }] } },
      { fields: [{ id: 'email', value: 'e3@example.com' }] },
    ];
    const response = await sandbox.handle(
      new Request(`${BASE}/v1/sessions/${SESSION}/people/bulk`, {
        method: 'POST',
        headers: { Authorization: TOKEN, 'Content-Type': 'application/vnd.api+json' },
        body: JSON.stringify({ data: { type: 'jobs', attributes: { tasks } } }),
      }),
    );
    expect(response.status).toBe(202);
    const { data } = await response.json();
    await sandbox.jobsIdle();
    expect((await getBulkJobTasks(client, data.id)).map((task) => task.outcome)).toEqual(['registered', 'registered', 'registered']);
  });

  it('lists tasks in one answer and fails with a 500 on paging parameters, as Livestorm does', async () => {
    const job = await startBulkRegistration(client, SESSION, [person('d1@example.com')]);
    const paged = await sandbox.handle(new Request(`${BASE}/v1/jobs/${job.id}/tasks?page[number]=0`, { headers: { Authorization: TOKEN } }));
    expect(paged.status).toBe(500);
  });

  it('resumes a job a stopped sandbox left half done, registering each person once', async () => {
    const slow = createSandbox({ token: TOKEN, dataDir, requestsPerSecond: 1000, bulkTaskMs: 60_000 });
    const job = await startBulkRegistration(sandboxClient(slow, TOKEN), SESSION, [person('r1@example.com'), person('r2@example.com')]);
    expect((await getBulkJob(client, job.id)).processed).toBe(0);
    // A new sandbox on the same folder (a restart) picks the job up.
    const restarted = open(dataDir);
    await restarted.jobsIdle();
    const after = sandboxClient(restarted, TOKEN);
    expect(await getBulkJob(after, job.id)).toMatchObject({ state: 'ended', succeeded: 2 });
    const emails = (await people(SESSION)).map((p) => p.email).filter((email) => email.startsWith('r'));
    expect(emails.sort()).toEqual(['r1@example.com', 'r2@example.com']);
  });
});
