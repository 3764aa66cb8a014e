import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLivestormClient, type LivestormClient } from '@/lib/livestorm/client';
import { LivestormError } from '@/lib/livestorm/errors';
import { registerPerson } from '@/lib/livestorm/registration';
import { SEED_REGISTERED_EMAIL, SEED_SESSIONS, createSandbox, type SandboxInstance } from '@/lib/sandbox';
import { sessionPersonList } from '@/lib/livestorm/schema';
import {
  backoffDelay,
  createDeliveryWorker,
  type DeliveryEvent,
  type DeliveryOptions,
  type DeliveryWorker,
} from '@/lib/registration/server/delivery';
import { createOutbox, type Outbox, type OutboxEntry } from '@/lib/registration/server/outbox';
import { asTransient } from '@/lib/registration/server/runtime';
import { EMPTY_ATTRIBUTION } from '@/lib/attribution';
import type { RegistrationOutcome, RegistrationRequest } from '@/lib/livestorm/types';

// The delivery worker as production wires it (runtime.ts: registerPerson, asTransient),
// over a real SQLite outbox, the real client and the real sandbox handler with Livestorm's 5 req/s.

const TOKEN = 'delivery-test-token';
const BASE = 'http://sandbox.internal';
const RATE = 5;

/** Open sessions of the seed (upcoming, published events). */
const OPEN_SESSIONS = [
  SEED_SESSIONS.soon,
  SEED_SESSIONS.registered,
  SEED_SESSIONS.unlisted,
  SEED_SESSIONS.allFieldTypes,
  SEED_SESSIONS.xss,
];

interface Arrival {
  at: number;
  method: string;
  path: string;
  status: number;
}

let dir: string;
let file: string;
let sandbox: SandboxInstance;
/** Every request the client put on the wire, with Livestorm's answer. */
let arrivals: Arrival[];
let client: LivestormClient;
/** A second client for the assertions, on the sandbox directly (its calls are not in `arrivals`). */
let inspector: LivestormClient;
let outboxes: Outbox[];
let workers: DeliveryWorker[];
let events: Array<DeliveryEvent & { at: number }>;

function makeClient(record: boolean): LivestormClient {
  return createLivestormClient({
    baseUrl: `${BASE}/v1`,
    token: TOKEN,
    transport: async (request) => {
      const at = Date.now();
      const response = await sandbox.handle(request);
      if (record) arrivals.push({ at, method: request.method, path: new URL(request.url).pathname, status: response.status });
      return response;
    },
    timeoutMs: 2_000,
    maxRequestsPerSecond: RATE,
    minRetryDelayMs: 10,
    maxRetryDelayMs: 50,
    deadlineMs: 4_000,
  });
}

/** The production `deliver` of runtime.ts, on the test client. */
async function deliver(request: RegistrationRequest): Promise<RegistrationOutcome> {
  return registerPerson(client, request);
}

function openOutbox(): Outbox {
  const outbox = createOutbox(file);
  outboxes.push(outbox);
  return outbox;
}

function startWorker(outbox: Outbox, options: Partial<DeliveryOptions> = {}): DeliveryWorker {
  const worker = createDeliveryWorker({
    outbox,
    deliver,
    asTransient,
    keepJoinLink: true,
    concurrency: RATE,
    leaseMs: 5_000,
    baseDelayMs: 50,
    maxDelayMs: 400,
    idlePollMs: 250,
    onEvent: (event) => events.push({ ...event, at: Date.now() }),
    ...options,
  });
  workers.push(worker);
  worker.start();
  return worker;
}

function registration(sessionId: string, email: string): RegistrationRequest {
  return {
    sessionId,
    email,
    answers: [
      { id: 'first_name', value: 'Jane' },
      { id: 'last_name', value: 'Doe' },
    ],
    attribution: { ...EMPTY_ATTRIBUTION, utmSource: 'newsletter' },
  };
}

async function control(route: string, body: unknown): Promise<void> {
  const response = await sandbox.handle(new Request(`${BASE}/__sandbox${route}`, { method: 'POST', body: JSON.stringify(body) }));
  expect(response.status, `${route} -> ${response.status}`).toBe(200);
}

/** How many registrations of `email` the sandbox holds for the session. */
async function registrationsOf(sessionId: string, email: string): Promise<number> {
  const document = await inspector.request(`/sessions/${sessionId}/people`, {
    schema: sessionPersonList,
    query: { 'filter[email]': email },
  });
  return document.data.length;
}

/** Registrants of the session by address (one paginated call per session rather than one per address). */
async function registrantsBySession(sessionId: string): Promise<Map<string, number>> {
  const people = await inspector.paginate(`/sessions/${sessionId}/people`, {
    item: sessionPersonList.shape.data.element,
  });
  const counts = new Map<string, number>();
  for (const { attributes } of people) {
    const email = attributes.email ?? '';
    counts.set(email, (counts.get(email) ?? 0) + 1);
  }
  return counts;
}

const posts = (): Arrival[] => arrivals.filter((arrival) => arrival.method === 'POST');

/** The largest number of requests that reached Livestorm within any 1,000 ms. */
function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  for (let start = 0, end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= 1_000) start += 1;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}

/**
 * Most probes a queue backing off from `base` can send within `ms`: the pause before probe k lasts
 * at least half its ceiling, min(max, base * 2^(k-1)).
 */
function probesWithin(ms: number, base: number, max: number): number {
  let probes = 0;
  for (let elapsed = Math.min(max, base) / 2; elapsed <= ms; probes += 1) {
    elapsed += Math.min(max, base * 2 ** (probes + 1)) / 2;
  }
  return probes;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls the outbox (waitForSettled stops waiting while the queue is paused). */
async function allSettled(outbox: Outbox, ids: readonly string[], timeoutMs: number): Promise<OutboxEntry[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entries = ids.map((id) => outbox.get(id)).filter((entry): entry is OutboxEntry => entry !== null);
    if (entries.every((entry) => entry.status !== 'pending') || Date.now() > deadline) return entries;
    await sleep(20);
  }
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delivery-test-'));
  file = path.join(dir, 'registrations.sqlite');
  sandbox = createSandbox({ token: TOKEN, requestsPerSecond: RATE });
  arrivals = [];
  events = [];
  outboxes = [];
  workers = [];
  client = makeClient(true);
  inspector = makeClient(false);
});

afterEach(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  for (const outbox of outboxes) {
    try {
      outbox.close();
    } catch {
      // closed by the test ("crashed" process)
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('delivery to the sandbox', () => {
  it.each([
    ['kept', true],
    ['not kept', false],
  ])('registers the person once; the join link is %s', async (_, keepJoinLink) => {
    const outbox = openOutbox();
    const email = 'new.person@example.com';
    const [entry] = outbox.enqueue('submission-1', [registration(SEED_SESSIONS.soon, email)], Date.now());
    const worker = startWorker(outbox, { keepJoinLink });

    const [settled] = await worker.waitForSettled([entry!.id], 5_000);
    expect(settled).toMatchObject({ status: 'registered', attempts: 1, request: null, detail: null, lastError: null });
    if (keepJoinLink) {
      expect(settled?.joinLink).toMatch(/^https:\/\/app\.livestorm\.co\/p\/.+\/live\?email=new\.person%40example\.com&key=/);
    } else {
      expect(settled?.joinLink).toBeNull();
    }
    expect(posts().map((post) => post.status)).toEqual([201]);
    await expect(registrationsOf(SEED_SESSIONS.soon, email)).resolves.toBe(1);
    expect(events).toMatchObject([{ type: 'settled', status: 'registered', attempts: 1 }]);
  });

  it('delivers a burst of 30 exactly once without ever exceeding 5 requests per second', async () => {
    const outbox = openOutbox();
    const requests = Array.from({ length: 30 }, (_, i) =>
      registration(OPEN_SESSIONS[i % OPEN_SESSIONS.length]!, `burst.${i}@example.com`),
    );
    const ids = [
      ...outbox.enqueue('submission-1', requests.slice(0, 10), Date.now()),
      ...outbox.enqueue('submission-2', requests.slice(10, 20), Date.now()),
      ...outbox.enqueue('submission-3', requests.slice(20), Date.now()),
    ].map((entry) => entry.id);
    const worker = startWorker(outbox);

    const settled = await worker.waitForSettled(ids, 15_000);
    expect(settled.map((entry) => [entry.status, entry.attempts])).toEqual(ids.map(() => ['registered', 1]));
    expect(posts()).toHaveLength(30);
    // Not one 429: the client's limiter spaced the calls, Livestorm never had to refuse one.
    expect(arrivals.filter((arrival) => arrival.status !== 201)).toEqual([]);
    expect(busiestSecond(arrivals.map((arrival) => arrival.at))).toBeLessThanOrEqual(RATE);

    for (const sessionId of OPEN_SESSIONS) {
      const registrants = await registrantsBySession(sessionId);
      for (const request of requests.filter((r) => r.sessionId === sessionId)) {
        expect(registrants.get(request.email), request.email).toBe(1);
      }
    }
  }, 20_000);

  it('pauses the whole queue during an outage, one probe per backoff step, then delivers everything once', async () => {
    const outbox = openOutbox();
    await control('/outage', { status: 503 });
    const requests = Array.from({ length: 10 }, (_, i) =>
      registration(OPEN_SESSIONS[i % OPEN_SESSIONS.length]!, `outage.${i}@example.com`),
    );
    const ids = outbox.enqueue('submission-1', requests, Date.now()).map((entry) => entry.id);
    const base = 300;
    const max = 1_200;
    const outageStart = Date.now();
    startWorker(outbox, { baseDelayMs: base, maxDelayMs: max });
    await sleep(1_500);
    await control('/outage', { status: 0 });
    const outage = Date.now() - outageStart;

    // The first batch went out before anything had failed. After it, single probes, each after a
    // pause of at least half its step's ceiling; one call per waiting entry would be 5 a second.
    const failed = posts().filter((post) => post.status === 503);
    expect(failed.length).toBeGreaterThan(RATE);
    expect(failed.length).toBeLessThanOrEqual(RATE + probesWithin(outage, base, max));
    failed.slice(RATE).forEach((probe, step) => {
      const previous = failed[RATE + step - 1]!;
      expect(probe.at - previous.at, `pause before probe ${step + 1}`).toBeGreaterThanOrEqual(Math.min(max, base * 2 ** step) / 2);
    });
    expect(outbox.stats()).toMatchObject({ pending: 10 });

    const settled = await allSettled(outbox, ids, 10_000);
    expect(settled.map((entry) => [entry.status, entry.lastError])).toEqual(ids.map(() => ['registered', null]));
    expect(posts().filter((post) => post.status === 201)).toHaveLength(10);
    expect(events.filter((event) => event.type === 'retry')).toEqual(
      failed.map(() => expect.objectContaining({ transient: true, reason: 'unavailable (HTTP 503)' })),
    );
    for (const sessionId of OPEN_SESSIONS) {
      const registrants = await registrantsBySession(sessionId);
      for (const request of requests.filter((r) => r.sessionId === sessionId)) {
        expect(registrants.get(request.email), request.email).toBe(1);
      }
    }
  }, 20_000);

  it('redelivers after a crash between the POST and the settle, and counts the 409 as delivered', async () => {
    const email = 'crash.victim@example.com';
    const first = openOutbox();
    const [entry] = first.enqueue('submission-1', [registration(SEED_SESSIONS.soon, email)], Date.now());

    // The first process's deliver reaches Livestorm, then the process dies before recording the answer.
    let landed = () => {};
    const posted = new Promise<void>((resolve) => {
      landed = resolve;
    });
    const dying = createDeliveryWorker({
      outbox: first,
      deliver: async (request) => {
        await registerPerson(client, request);
        landed();
        return new Promise<RegistrationOutcome>(() => {});
      },
      asTransient,
      keepJoinLink: true,
      leaseMs: 600,
    });
    const leasedFrom = Date.now();
    dying.start();
    await posted;
    void dying.stop();
    first.close();
    expect(posts().map((post) => post.status)).toEqual([201]);

    // The restarted process: a new outbox on the same file, a new worker.
    const restarted = openOutbox();
    expect(restarted.get(entry!.id)).toMatchObject({ status: 'pending', attempts: 1 });
    const worker = startWorker(restarted);
    const [settled] = await worker.waitForSettled([entry!.id], 5_000);

    expect(settled).toMatchObject({ status: 'registered', attempts: 2, request: null });
    // The personal link died with the first process; Livestorm has mailed it to the person anyway.
    expect(settled?.joinLink).toBeNull();
    expect(posts().map((post) => post.status)).toEqual([201, 409]);
    // Not before the dead process's lease ran out.
    expect(posts()[1]!.at).toBeGreaterThanOrEqual(leasedFrom + 600);
    await expect(registrationsOf(SEED_SESSIONS.soon, email)).resolves.toBe(1);
  });

  it('redelivers when the answer to a POST that landed was lost, and counts the 409 as delivered', async () => {
    const outbox = openOutbox();
    const email = 'lost.answer@example.com';
    const [entry] = outbox.enqueue('submission-1', [registration(SEED_SESSIONS.soon, email)], Date.now());
    let calls = 0;
    startWorker(outbox, {
      deliver: async (request) => {
        calls += 1;
        const outcome = await deliver(request);
        if (calls > 1) return outcome;
        // What the client throws when the answer does not come back in time.
        throw new LivestormError({ kind: 'unavailable', status: null, path: '/sessions/x/people', detail: 'no answer within 2000 ms' });
      },
    });

    const [settled] = await allSettled(outbox, [entry!.id], 5_000);
    expect(settled).toMatchObject({ status: 'registered', attempts: 2 });
    expect(posts().map((post) => post.status)).toEqual([201, 409]);
    expect(events).toMatchObject([
      { type: 'retry', attempts: 1, transient: true, reason: 'unavailable' },
      { type: 'settled', status: 'registered', attempts: 2 },
    ]);
    await expect(registrationsOf(SEED_SESSIONS.soon, email)).resolves.toBe(1);
  });

  it('settles a first-attempt duplicate as already_registered', async () => {
    const outbox = openOutbox();
    const [entry] = outbox.enqueue('submission-1', [registration(SEED_SESSIONS.registered, SEED_REGISTERED_EMAIL)], Date.now());
    const worker = startWorker(outbox);

    const [settled] = await worker.waitForSettled([entry!.id], 5_000);
    expect(settled).toMatchObject({ status: 'already_registered', attempts: 1, joinLink: null, request: null });
    expect(posts().map((post) => post.status)).toEqual([409]);
    await expect(registrationsOf(SEED_SESSIONS.registered, SEED_REGISTERED_EMAIL)).resolves.toBe(1);
  });

  it.each([
    ['a past session', SEED_SESSIONS.past, null, 'past'],
    ['a canceled session', SEED_SESSIONS.canceled, null, 'canceled'],
    ['a session canceled after the visitor submitted', SEED_SESSIONS.soon, 'canceled', 'canceled'],
    ['a session that went live', SEED_SESSIONS.soon, 'live', 'live'],
  ])('settles %s as closed, with a detail free of the address', async (_, sessionId, change, status) => {
    const outbox = openOutbox();
    const email = 'late.comer@example.com';
    const [entry] = outbox.enqueue('submission-1', [registration(sessionId, email)], Date.now());
    if (change !== null) await control(`/sessions/${sessionId}/status`, { status: change });
    const worker = startWorker(outbox);

    const [settled] = await worker.waitForSettled([entry!.id], 5_000);
    expect(settled).toMatchObject({ status: 'closed', attempts: 1, joinLink: null, request: null });
    expect(settled?.detail).toContain(`session status: ${status}`);
    expect(settled?.detail).not.toContain('@');
    await expect(registrationsOf(sessionId, email)).resolves.toBe(0);
  });

  it('settles a refused value as rejected, with the address scrubbed from the detail', async () => {
    const outbox = openOutbox();
    const [entry] = outbox.enqueue('submission-1', [registration(SEED_SESSIONS.soon, 'jane@localhost')], Date.now());
    const worker = startWorker(outbox);

    const [settled] = await worker.waitForSettled([entry!.id], 5_000);
    expect(settled).toMatchObject({ status: 'rejected', attempts: 1 });
    expect(settled?.detail).toContain('[email]');
    expect(settled?.detail).not.toContain('jane@localhost');
  });
});

describe('waitForSettled', () => {
  it('resolves as soon as the entries settle', async () => {
    const outbox = openOutbox();
    const ids = outbox
      .enqueue('submission-1', [registration(SEED_SESSIONS.soon, 'a@example.com'), registration(SEED_SESSIONS.xss, 'a@example.com')], Date.now())
      .map((entry) => entry.id);
    const worker = startWorker(outbox);

    const settled = await worker.waitForSettled(ids, 10_000);
    const resolvedAt = Date.now();
    expect(settled.map((entry) => entry.status)).toEqual(['registered', 'registered']);
    const lastSettle = Math.max(...events.map((event) => event.at));
    expect(resolvedAt - lastSettle).toBeLessThan(100);

    // Already settled: at once.
    const again = Date.now();
    await expect(worker.waitForSettled(ids, 10_000)).resolves.toHaveLength(2);
    expect(Date.now() - again).toBeLessThan(100);
  });

  it('returns the current state at the timeout, leaving out unknown ids', async () => {
    const outbox = openOutbox();
    const [entry] = outbox.enqueue('submission-1', [registration(SEED_SESSIONS.soon, 'a@example.com')], Date.now());
    // Not started: nothing is delivered.
    const worker = createDeliveryWorker({ outbox, deliver, asTransient, keepJoinLink: true });
    workers.push(worker);

    const startedAt = Date.now();
    const entries = await worker.waitForSettled([entry!.id, 'no-such-entry'], 200);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(195);
    expect(entries).toEqual([expect.objectContaining({ id: entry!.id, status: 'pending', attempts: 0 })]);
    expect(arrivals).toEqual([]);
  });

  it('gives up waiting as soon as an outage pauses the queue', async () => {
    const outbox = openOutbox();
    await control('/outage', { status: 503 });
    const [entry] = outbox.enqueue('submission-1', [registration(SEED_SESSIONS.soon, 'a@example.com')], Date.now());
    const worker = startWorker(outbox, { baseDelayMs: 5_000, maxDelayMs: 10_000 });

    const startedAt = Date.now();
    const entries = await worker.waitForSettled([entry!.id], 5_000);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(entries).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, lastError: 'unavailable (HTTP 503)' })]);
  });
});

describe('backoffDelay', () => {
  it.each([
    // attempts, base, max, random, expected
    [0, 1_000, 300_000, 0, 500],
    [1, 1_000, 300_000, 0, 500],
    [1, 1_000, 300_000, 1, 1_000],
    [2, 1_000, 300_000, 0.5, 1_500],
    [3, 1_000, 300_000, 1, 4_000],
    [9, 1_000, 300_000, 0, 128_000],
    [10, 1_000, 300_000, 0, 150_000],
    [11, 1_000, 300_000, 0, 150_000],
    [11, 1_000, 300_000, 1, 300_000],
    [60, 1_000, 300_000, 1, 300_000],
    [4, 50, 400, 0.25, 250],
  ])('attempt %i (base %i, max %i, random %f) waits %i ms', (attempts, base, max, random, expected) => {
    expect(backoffDelay(attempts, base, max, () => random)).toBe(expected);
  });

  it.each([1, 2, 3, 5, 8, 12, 20, 1_100])('attempt %i stays within [ceiling/2, ceiling], capped at max', (attempts) => {
    const base = 1_000;
    const max = 300_000;
    const ceiling = Math.min(max, base * 2 ** (attempts - 1));
    for (const random of [0, 0.1, 0.5, 0.9, 0.999999]) {
      const delay = backoffDelay(attempts, base, max, () => random);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
      expect(Number.isInteger(delay)).toBe(true);
    }
  });
});

