import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_ATTRIBUTION } from '@/lib/attribution';
import type { RegistrationRequest } from '@/lib/livestorm/types';
import { createOutbox, type EntryStatus, type Outbox } from '@/lib/registration/server/outbox';

// The outbox against a real SQLite file in a temporary folder. Time is passed in explicitly, so
// every lease and retry below is exact.

const T0 = Date.UTC(2026, 2, 2, 10, 15, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let dir: string;
let file: string;
const opened: Outbox[] = [];

function open(): Outbox {
  const outbox = createOutbox(file);
  opened.push(outbox);
  return outbox;
}

function request(sessionId: string, email: string): RegistrationRequest {
  return {
    sessionId,
    email,
    answers: [
      { id: 'first_name', value: 'Jane' },
      { id: 'company', value: 'Acme Corp' },
      { id: 'newsletter_optin', value: true },
    ],
    attribution: { ...EMPTY_ATTRIBUTION, utmSource: 'newsletter' },
  };
}

/** Every byte SQLite keeps for this outbox: the database and, while open, its WAL. */
function bytesOnDisk(): string {
  const folder = path.dirname(file);
  return fs
    .readdirSync(folder)
    .filter((name) => name.startsWith(path.basename(file)))
    .map((name) => fs.readFileSync(path.join(folder, name)).toString('latin1'))
    .join('');
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-test-'));
  file = path.join(dir, 'nested', 'registrations.sqlite');
});

afterEach(() => {
  for (const outbox of opened.splice(0)) {
    try {
      outbox.close();
    } catch {
      // already closed by the test
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('enqueue', () => {
  it('commits every entry, pending and due at once, visible to a second process on the same file', () => {
    const first = open();
    const requests = [request('session-a', 'jane@example.com'), request('session-b', 'jane@example.com')];
    const entries = first.enqueue('submission-1', requests, T0);

    expect(entries).toHaveLength(2);
    entries.forEach((entry, i) => {
      expect(entry).toEqual({
        id: expect.any(String),
        submissionId: 'submission-1',
        sessionId: requests[i]?.sessionId,
        status: 'pending',
        attempts: 0,
        createdAt: T0,
        nextAttemptAt: T0,
        settledAt: null,
        lastError: null,
        detail: null,
        request: requests[i],
        joinLink: null,
      });
    });

    // No close(): the first process "dies" holding its connection; a restart opens the file anew.
    const restarted = open();
    expect(restarted.bySubmission('submission-1')).toEqual(entries);
    expect(restarted.stats().pending).toBe(2);
    expect(restarted.claimDue(T0, 10, 1_000).map((entry) => entry.id).sort()).toEqual(entries.map((e) => e.id).sort());
  });

  it('keeps its state across a clean close and reopen', () => {
    const first = open();
    const [entry] = first.enqueue('submission-1', [request('session-a', 'jane@example.com')], T0);
    first.claimDue(T0, 1, 1_000);
    first.settle(entry!.id, { status: 'registered', joinLink: 'https://app.livestorm.co/p/x/live?key=1' }, T0 + 5);
    first.close();

    const reopened = open();
    expect(reopened.get(entry!.id)).toMatchObject({
      status: 'registered',
      attempts: 1,
      settledAt: T0 + 5,
      request: null,
      joinLink: 'https://app.livestorm.co/p/x/live?key=1',
    });
  });

  it('rolls back the whole submission when one entry cannot be stored', () => {
    const outbox = open();
    const broken = { ...request('session-b', 'jane@example.com'), email: undefined } as unknown as RegistrationRequest;
    expect(() => outbox.enqueue('submission-1', [request('session-a', 'jane@example.com'), broken], T0)).toThrow();
    expect(outbox.bySubmission('submission-1')).toEqual([]);
    expect(outbox.stats().pending).toBe(0);
  });

  it.each([
    ['the same address again', 'jane@example.com', 'jane@example.com'],
    ['the address differently cased', 'jane@example.com', 'Jane@Example.COM'],
    ['the address with stray spaces', 'jane@example.com', '  jane@example.com '],
  ])('stores %s for a waiting session as already_registered, delivered once', (_, firstEmail, secondEmail) => {
    const outbox = open();
    const [waiting] = outbox.enqueue('submission-1', [request('session-a', firstEmail)], T0);
    const [duplicate] = outbox.enqueue('submission-2', [request('session-a', secondEmail)], T0 + 10);

    expect(duplicate).toMatchObject({
      submissionId: 'submission-2',
      status: 'already_registered',
      settledAt: T0 + 10,
      request: null,
      detail: expect.stringContaining('already waiting'),
    });
    expect(outbox.claimDue(T0 + 10, 10, 1_000).map((entry) => entry.id)).toEqual([waiting!.id]);
    expect(outbox.stats()).toMatchObject({ pending: 1, settled: { already_registered: 1 } });
  });

  it('spots the duplicate inside one submission too', () => {
    const outbox = open();
    const entries = outbox.enqueue(
      'submission-1',
      [request('session-a', 'jane@example.com'), request('session-a', 'JANE@example.com'), request('session-b', 'jane@example.com')],
      T0,
    );
    expect(entries.map((entry) => entry.status)).toEqual(['pending', 'already_registered', 'pending']);
  });

  it('queues the person again once the earlier entry has settled (Livestorm then answers for itself)', () => {
    const outbox = open();
    const [earlier] = outbox.enqueue('submission-1', [request('session-a', 'jane@example.com')], T0);
    outbox.settle(earlier!.id, { status: 'registered' }, T0 + 1);
    const [later] = outbox.enqueue('submission-2', [request('session-a', 'jane@example.com')], T0 + 2);
    expect(later?.status).toBe('pending');
  });
});

describe('claimDue', () => {
  it('leases an entry to one worker until the lease expires, counting every attempt', () => {
    const outbox = open();
    const [entry] = outbox.enqueue('submission-1', [request('session-a', 'jane@example.com')], T0);

    const [claimed] = outbox.claimDue(T0, 10, 5_000);
    expect(claimed).toMatchObject({ id: entry!.id, attempts: 1, request: entry!.request });
    expect(outbox.get(entry!.id)?.attempts).toBe(1);

    expect(outbox.claimDue(T0, 10, 5_000)).toEqual([]);
    // A second process on the same file sees the lease too.
    expect(open().claimDue(T0 + 4_999, 10, 5_000)).toEqual([]);

    // The holder died: once the lease is over, the entry is claimable again.
    const [again] = outbox.claimDue(T0 + 5_000, 10, 5_000);
    expect(again).toMatchObject({ id: entry!.id, attempts: 2 });
    expect(outbox.get(entry!.id)?.attempts).toBe(2);
  });

  it('claims nothing before an entry is due', () => {
    const outbox = open();
    outbox.enqueue('submission-1', [request('session-a', 'jane@example.com')], T0);
    expect(outbox.claimDue(T0 - 1, 10, 1_000)).toEqual([]);
  });

  it.each([
    [0, 0],
    [2, 2],
    [10, 3],
  ])('with limit %i claims %i entries, oldest first', (limit, count) => {
    const outbox = open();
    const ids = ['a', 'b', 'c'].map(
      (session, i) => outbox.enqueue(`submission-${i}`, [request(`session-${session}`, 'jane@example.com')], T0 + i)[0]!.id,
    );
    expect(outbox.claimDue(T0 + 10, limit, 1_000).map((entry) => entry.id)).toEqual(ids.slice(0, count));
  });
});

describe('settle', () => {
  it('erases the request at once and keeps the join link only until the link TTL', () => {
    const outbox = open();
    const [entry] = outbox.enqueue('submission-1', [request('session-a', 'jane.settled@example.com')], T0);
    outbox.claimDue(T0, 1, 1_000);
    outbox.retryLater(entry!.id, T0 + 100, 'unavailable (HTTP 503)');
    outbox.claimDue(T0 + 100, 1, 1_000);
    const link = 'https://app.livestorm.co/p/abc/live?email=jane.settled%40example.com&key=0123456789abcdef012345';
    outbox.settle(entry!.id, { status: 'registered', joinLink: link }, T0 + 200);

    expect(outbox.get(entry!.id)).toMatchObject({
      status: 'registered',
      attempts: 2,
      settledAt: T0 + 200,
      lastError: null,
      detail: null,
      request: null,
      joinLink: link,
    });
    expect(outbox.claimDue(T0 + 10_000, 10, 1_000)).toEqual([]);

    outbox.purge(T0 + 200 + HOUR - 1, { joinLinkTtlMs: HOUR });
    expect(outbox.get(entry!.id)?.joinLink).toBe(link);
    outbox.purge(T0 + 200 + HOUR, { joinLinkTtlMs: HOUR });
    expect(outbox.get(entry!.id)).toMatchObject({ status: 'registered', joinLink: null });
  });

  it('leaves no trace of the personal data in the file once settled and purged', () => {
    const outbox = open();
    const [entry] = outbox.enqueue('submission-1', [request('session-a', 'jane.settled@example.com')], T0);
    expect(bytesOnDisk()).toContain('jane.settled@example.com');
    outbox.claimDue(T0, 1, 1_000);
    const link = 'https://app.livestorm.co/p/abc/live?email=jane.settled%40example.com&key=0123456789abcdef012345';
    outbox.settle(entry!.id, { status: 'registered', joinLink: link }, T0 + 200);
    outbox.purge(T0 + 200 + HOUR);
    outbox.close();
    expect(bytesOnDisk()).not.toContain('jane.settled');
    expect(bytesOnDisk()).not.toContain('Acme Corp');
  });

  it.each<[Exclude<EntryStatus, 'pending'>, string | null]>([
    ['registered', null],
    ['already_registered', null],
    ['closed', 'session status: past'],
    ['rejected', 'Field "website" must be an http(s) URL'],
  ])('records %s with its detail', (status, detail) => {
    const outbox = open();
    const [entry] = outbox.enqueue('submission-1', [request('session-a', 'jane@example.com')], T0);
    outbox.settle(entry!.id, { status, detail }, T0 + 1);
    expect(outbox.get(entry!.id)).toMatchObject({ status, detail, request: null, joinLink: null, settledAt: T0 + 1 });
  });

  it('never changes an entry that has already settled', () => {
    const outbox = open();
    const [entry] = outbox.enqueue('submission-1', [request('session-a', 'jane@example.com')], T0);
    outbox.settle(entry!.id, { status: 'registered', joinLink: 'https://app.livestorm.co/p/x/live' }, T0 + 1);
    outbox.settle(entry!.id, { status: 'rejected', detail: 'late answer' }, T0 + 2);
    outbox.retryLater(entry!.id, T0 + 3, 'late failure');
    expect(outbox.get(entry!.id)).toMatchObject({
      status: 'registered',
      settledAt: T0 + 1,
      detail: null,
      lastError: null,
      joinLink: 'https://app.livestorm.co/p/x/live',
    });
  });
});

describe('retryLater', () => {
  it('frees the lease and makes the entry due at the given time, remembering why', () => {
    const outbox = open();
    const [entry] = outbox.enqueue('submission-1', [request('session-a', 'jane@example.com')], T0);
    outbox.claimDue(T0, 1, 60_000);
    outbox.retryLater(entry!.id, T0 + 500, 'unavailable (HTTP 503)');

    expect(outbox.get(entry!.id)).toMatchObject({ status: 'pending', nextAttemptAt: T0 + 500, lastError: 'unavailable (HTTP 503)' });
    expect(outbox.nextDueAt()).toBe(T0 + 500);
    expect(outbox.claimDue(T0 + 499, 1, 60_000)).toEqual([]);
    expect(outbox.claimDue(T0 + 500, 1, 60_000)).toMatchObject([{ id: entry!.id, attempts: 2 }]);
  });

  it('keeps at most 500 characters of the reason', () => {
    const outbox = open();
    const [entry] = outbox.enqueue('submission-1', [request('session-a', 'jane@example.com')], T0);
    outbox.retryLater(entry!.id, T0 + 1, 'x'.repeat(2_000));
    expect(outbox.get(entry!.id)?.lastError).toHaveLength(500);
  });
});

describe('nextDueAt', () => {
  it('follows the earliest pending entry, lease expiry included, and is null when none waits', () => {
    const outbox = open();
    expect(outbox.nextDueAt()).toBeNull();

    const [a] = outbox.enqueue('submission-1', [request('session-a', 'jane@example.com')], T0);
    const [b] = outbox.enqueue('submission-2', [request('session-b', 'jane@example.com')], T0 + 100);
    expect(outbox.nextDueAt()).toBe(T0);

    outbox.claimDue(T0, 1, 1_000);
    expect(outbox.nextDueAt()).toBe(T0 + 100);

    outbox.claimDue(T0 + 100, 1, 1_000);
    // Both leased: the first lease to expire.
    expect(outbox.nextDueAt()).toBe(T0 + 1_000);

    outbox.retryLater(a!.id, T0 + 5_000, 'unavailable');
    expect(outbox.nextDueAt()).toBe(T0 + 1_100);

    outbox.settle(b!.id, { status: 'registered' }, T0 + 200);
    expect(outbox.nextDueAt()).toBe(T0 + 5_000);

    outbox.settle(a!.id, { status: 'closed', detail: 'session status: past' }, T0 + 5_000);
    expect(outbox.nextDueAt()).toBeNull();
  });
});

describe('stats', () => {
  it('counts pending entries, the oldest waiting one and settled entries by status', () => {
    const outbox = open();
    expect(outbox.stats()).toEqual({
      pending: 0,
      oldestPendingAt: null,
      settled: { registered: 0, already_registered: 0, closed: 0, rejected: 0 },
    });

    const entries = ['a', 'b', 'c', 'd', 'e'].map(
      (session, i) => outbox.enqueue(`submission-${i}`, [request(`session-${session}`, 'jane@example.com')], T0 + i * 10)[0]!,
    );
    outbox.enqueue('submission-dup', [request('session-e', 'jane@example.com')], T0 + 60);
    outbox.settle(entries[0]!.id, { status: 'registered' }, T0 + 100);
    outbox.settle(entries[1]!.id, { status: 'closed', detail: 'session status: canceled' }, T0 + 100);
    outbox.settle(entries[2]!.id, { status: 'rejected', detail: null }, T0 + 100);

    expect(outbox.stats()).toEqual({
      pending: 2,
      oldestPendingAt: T0 + 30,
      settled: { registered: 1, already_registered: 1, closed: 1, rejected: 1 },
    });
  });
});

describe('purge', () => {
  it('forgets settled entries past retention and never a pending one, however old', () => {
    const outbox = open();
    const old = outbox.enqueue('old', [request('session-a', 'old@example.com')], T0)[0]!;
    const recent = outbox.enqueue('recent', [request('session-b', 'recent@example.com')], T0)[0]!;
    const waiting = outbox.enqueue('waiting', [request('session-c', 'waiting@example.com')], T0)[0]!;
    outbox.settle(old.id, { status: 'registered' }, T0);
    outbox.settle(recent.id, { status: 'closed', detail: 'session status: past' }, T0 + 10 * DAY);

    outbox.purge(T0 + 30 * DAY - 1);
    expect(outbox.get(old.id)).not.toBeNull();

    outbox.purge(T0 + 30 * DAY);
    expect(outbox.get(old.id)).toBeNull();
    expect(outbox.get(recent.id)?.status).toBe('closed');
    expect(outbox.get(waiting.id)?.status).toBe('pending');

    outbox.purge(T0 + 365 * DAY, { retentionMs: 0 });
    expect(outbox.get(recent.id)).toBeNull();
    expect(outbox.get(waiting.id)).toMatchObject({ status: 'pending', request: request('session-c', 'waiting@example.com') });
    expect(outbox.stats()).toMatchObject({ pending: 1, settled: { registered: 0, closed: 0 } });
  });

  it('keeps join links an hour by default', () => {
    const outbox = open();
    const [entry] = outbox.enqueue('submission-1', [request('session-a', 'jane@example.com')], T0);
    outbox.settle(entry!.id, { status: 'registered', joinLink: 'https://app.livestorm.co/p/x/live' }, T0);
    outbox.purge(T0 + HOUR - 1);
    expect(outbox.get(entry!.id)?.joinLink).not.toBeNull();
    outbox.purge(T0 + HOUR);
    expect(outbox.get(entry!.id)?.joinLink).toBeNull();
  });
});

describe('bySubmission', () => {
  it('returns the entries of one submission in the order they were submitted', () => {
    const outbox = open();
    const sessions = ['session-c', 'session-a', 'session-b', 'session-a'];
    const first = outbox.enqueue(
      'submission-1',
      sessions.map((session) => request(session, 'jane@example.com')),
      T0,
    );
    outbox.enqueue('submission-2', [request('session-d', 'jane@example.com')], T0 - 1_000);
    const later = outbox.enqueue('submission-1', [request('session-e', 'jane@example.com')], T0 + 1);
    outbox.settle(first[0]!.id, { status: 'registered' }, T0 + 2);

    const entries = outbox.bySubmission('submission-1');
    expect(entries.map((entry) => entry.id)).toEqual([...first, ...later].map((entry) => entry.id));
    expect(entries.map((entry) => entry.sessionId)).toEqual([...sessions, 'session-e']);
    expect(entries.map((entry) => entry.status)).toEqual(['registered', 'pending', 'pending', 'already_registered', 'pending']);
    expect(outbox.bySubmission('unknown')).toEqual([]);
  });
});
