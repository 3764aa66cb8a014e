import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SEED_SESSIONS,
  STATE_FILE,
  createSandbox,
  type PersonAttributes,
  type SandboxInstance,
  type SandboxState,
  type SessionAttributes,
} from '@/lib/sandbox';

// state.json persistence, atomic writes and the whole-day rebase that keeps demo data current.

const TOKEN = 'test-token';
const T0 = Date.UTC(2026, 2, 2, 10, 15, 0);
const DAY = 86_400_000;

const dirs: string[] = [];
const instances: SandboxInstance[] = [];

afterEach(() => {
  // Flush pending throttled writes before deleting the folders they target.
  for (const s of instances.splice(0)) s.flush();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livestorm-sandbox-'));
  dirs.push(dir);
  return dir;
}

function open(dataDir: string | null, nowMs: number, monthlyQuota?: number) {
  const clock = { now: nowMs };
  const sandbox = createSandbox({ token: TOKEN, dataDir, now: () => clock.now, requestsPerSecond: 1000, monthlyQuota });
  instances.push(sandbox);
  const get = async <T>(p: string): Promise<T> => {
    const res = await sandbox.handle(new Request(`http://sandbox.internal/v1${p}`, { headers: { Authorization: TOKEN } }));
    expect(res.status, p).toBe(200);
    return (await res.json()) as T;
  };
  const register = (sessionId: string, email: string) =>
    sandbox.handle(
      new Request(`http://sandbox.internal/v1/sessions/${sessionId}/people`, {
        method: 'POST',
        headers: { Authorization: TOKEN, 'Content-Type': 'application/vnd.api+json' },
        body: JSON.stringify({ data: { type: 'people', attributes: { fields: [{ id: 'email', value: email }] } } }),
      }),
    );
  return { sandbox, clock, get, register };
}

type SessionList = { data: Array<{ id: string; attributes: SessionAttributes }>; meta: { record_count: number } };
type PeopleList = { data: Array<{ id: string; attributes: PersonAttributes }> };

const readState = (dir: string): SandboxState => JSON.parse(fs.readFileSync(path.join(dir, STATE_FILE), 'utf8')) as SandboxState;

function localHhmm(unixS: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(unixS * 1000));
}

describe('persistence', () => {
  it('writes state.json on creation and a registration survives a new sandbox on the same folder', async () => {
    const dir = tempDir();
    const first = open(dir, T0);
    expect(fs.existsSync(path.join(dir, STATE_FILE))).toBe(true);
    const res = await first.register(SEED_SESSIONS.soon, 'persisted@example.com');
    expect(res.status).toBe(201);
    const created = (await res.json()) as { data: { id: string; attributes: PersonAttributes } };
    // Written before the 201 was returned, atomically (no temp files left behind).
    expect(readState(dir).people.some((p) => p.id === created.data.id)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([STATE_FILE]);

    const second = open(dir, T0 + 60_000);
    const people = await second.get<PeopleList>(`/sessions/${SEED_SESSIONS.soon}/people?filter[email]=persisted@example.com`);
    expect(people.data.map((p) => p.id)).toEqual([created.data.id]);
    expect(people.data[0]?.attributes.registrant_detail.connection_link).toBe(created.data.attributes.registrant_detail.connection_link);
    const session = await second.get<{ data: { attributes: SessionAttributes } }>(`/sessions/${SEED_SESSIONS.soon}`);
    expect(session.data.attributes.registrants_count).toBe(3);
    expect((await second.register(SEED_SESSIONS.soon, 'PERSISTED@example.com')).status).toBe(409);
  });

  it('persists the monthly counter', async () => {
    const dir = tempDir();
    const first = open(dir, T0, 100);
    for (let i = 0; i < 3; i += 1) await first.get('/organization');
    first.sandbox.flush();
    expect(readState(dir).quota).toEqual({ periodStart: T0, used: 3 });
    const second = open(dir, T0 + 1000, 100);
    const res = await second.sandbox.handle(new Request('http://x/v1/ping', { headers: { Authorization: TOKEN } }));
    expect(res.headers.get('ratelimit-monthly-remaining')).toBe('96');
  });

  it('two sandboxes on the same folder see each other\'s registrations instead of overwriting them', async () => {
    const dir = tempDir();
    const a = open(dir, T0);
    const b = open(dir, T0);
    expect((await a.register(SEED_SESSIONS.soon, 'from-a@example.com')).status).toBe(201);
    expect((await b.register(SEED_SESSIONS.soon, 'from-b@example.com')).status).toBe(201);
    expect((await b.register(SEED_SESSIONS.soon, 'FROM-A@example.com')).status).toBe(409);
    a.sandbox.flush();
    b.sandbox.flush();
    const emails = readState(dir)
      .people.filter((p) => p.attributes.registrant_detail.session_id === SEED_SESSIONS.soon)
      .map((p) => p.attributes.email);
    expect(emails).toEqual(expect.arrayContaining(['from-a@example.com', 'from-b@example.com']));
    const fromA = await a.get<{ data: { attributes: SessionAttributes } }>(`/sessions/${SEED_SESSIONS.soon}`);
    expect(fromA.data.attributes.registrants_count).toBe(4);
  });

  it('control-route changes are persisted', async () => {
    const dir = tempDir();
    const first = open(dir, T0);
    const res = await first.sandbox.handle(
      new Request(`http://x/__sandbox/sessions/${SEED_SESSIONS.soon}/status`, { method: 'POST', body: JSON.stringify({ status: 'canceled' }) }),
    );
    expect(res.status).toBe(200);
    const second = open(dir, T0 + 1000);
    const session = await second.get<{ data: { attributes: SessionAttributes } }>(`/sessions/${SEED_SESSIONS.soon}`);
    expect(session.data.attributes.status).toBe('canceled');
  });

  it('moves an invalid state file aside and reseeds', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, STATE_FILE), '{"version": 1, "events": "broken"');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { get } = open(dir, T0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('ignoring invalid state file'));
    warn.mockRestore();
    const doc = await get<SessionList>('/sessions');
    expect(doc.meta.record_count).toBeGreaterThan(30);
    expect(fs.readdirSync(dir).some((f) => f.startsWith(`${STATE_FILE}.invalid-`))).toBe(true);
    expect(readState(dir).version).toBe(1);
  });
});

describe('day-shift rebase', () => {
  it('reloading 3 days later shifts by whole days: upcoming sessions stay upcoming, registrants are kept', async () => {
    const dir = tempDir();
    const first = open(dir, T0);
    const original = await first.get<SessionList>('/sessions?page[size]=50');
    await first.register(SEED_SESSIONS.soon, 'kept@example.com');

    const later = T0 + 3 * DAY + 30 * 60_000;
    const second = open(dir, later);
    const laterS = Math.floor(later / 1000);
    const shifted = await second.get<SessionList>('/sessions?page[size]=50');
    expect(shifted.meta.record_count).toBe(original.meta.record_count);

    const upcoming = shifted.data.filter((s) => s.attributes.status === 'upcoming' && s.id !== SEED_SESSIONS.lateHost);
    expect(upcoming.length).toBeGreaterThan(25);
    for (const s of upcoming) expect(s.attributes.estimated_started_at, s.id).toBeGreaterThan(laterS);

    for (const before of original.data) {
      const after = shifted.data.find((s) => s.id === before.id);
      if (!after) throw new Error(`missing ${before.id}`);
      // Local wall-clock time is preserved; the instant moved by 3 days (±1 h across a DST change).
      expect(localHhmm(after.attributes.estimated_started_at, after.attributes.timezone)).toBe(
        localHhmm(before.attributes.estimated_started_at, before.attributes.timezone),
      );
      expect(Math.abs(after.attributes.estimated_started_at - before.attributes.estimated_started_at - 3 * 86_400)).toBeLessThanOrEqual(3_600);
      for (const key of ['started_at', 'ended_at', 'canceled_at', 'created_at'] as const) {
        const b = before.attributes[key];
        expect(after.attributes[key], `${before.id}.${key}`).toBe(b === 0 ? 0 : b + 3 * 86_400);
      }
    }

    const kept = await second.get<PeopleList>(`/sessions/${SEED_SESSIONS.soon}/people?filter[email]=kept@example.com`);
    expect(kept.data).toHaveLength(1);
    expect(kept.data[0]?.attributes.created_at).toBe(Math.floor(T0 / 1000) + 3 * 86_400);
    expect(readState(dir).anchor).toBe(T0 + 3 * DAY);
  });

  it('keeps local times across a DST change (7-day shift over the US spring-forward)', async () => {
    const dir = tempDir();
    const first = open(dir, T0);
    const original = await first.get<SessionList>('/sessions?page[size]=50');
    const second = open(dir, T0 + 7 * DAY + 60_000);
    const shifted = await second.get<SessionList>('/sessions?page[size]=50');
    const ny = original.data.find((s) => s.id === SEED_SESSIONS.registered);
    const nyAfter = shifted.data.find((s) => s.id === SEED_SESSIONS.registered);
    if (!ny || !nyAfter) throw new Error('registered session missing');
    expect(ny.attributes.timezone).toBe('America/New_York');
    // 4 March (EST) -> 11 March (EDT): same 11:00 local, one hour less in absolute time.
    expect(nyAfter.attributes.estimated_started_at - ny.attributes.estimated_started_at).toBe(7 * 86_400 - 3_600);
    expect(localHhmm(nyAfter.attributes.estimated_started_at, 'America/New_York')).toBe('11:00');
  });

  it('does not rebase within 24 hours', async () => {
    const dir = tempDir();
    const first = open(dir, T0);
    const original = await first.get<SessionList>('/sessions?page[size]=50');
    const second = open(dir, T0 + DAY - 1000);
    const same = await second.get<SessionList>('/sessions?page[size]=50');
    expect(same.data).toEqual(original.data);
    expect(readState(dir).anchor).toBe(T0);
  });

  it('a long-running sandbox rebases itself once its anchor is more than a day old', async () => {
    const { get, clock } = open(null, T0);
    const before = await get<{ data: { attributes: SessionAttributes } }>(`/sessions/${SEED_SESSIONS.soon}`);
    clock.now = T0 + 2 * DAY + 1000;
    const after = await get<{ data: { attributes: SessionAttributes } }>(`/sessions/${SEED_SESSIONS.soon}`);
    expect(after.data.attributes.estimated_started_at - before.data.attributes.estimated_started_at).toBe(2 * 86_400);
    expect(after.data.attributes.estimated_started_at).toBeGreaterThan(Math.floor(clock.now / 1000));
  });
});
