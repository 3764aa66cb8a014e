import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callCounterFile, createCallCounter, type CallCounter } from '@/lib/livestorm/call-counter';

const T0 = Date.UTC(2026, 2, 2, 10, 15, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let dir: string;
const opened: CallCounter[] = [];

function open(): CallCounter {
  const counter = createCallCounter(callCounterFile(dir));
  opened.push(counter);
  return counter;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'call-counter-'));
});

afterEach(() => {
  for (const counter of opened.splice(0)) counter.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('call counter', () => {
  it('starts empty', () => {
    expect(open().counts(T0)).toEqual({ windowDays: 30, total: 0, reads: 0, writes: 0, countingSince: null });
  });

  it('counts reads and writes and survives a restart', () => {
    const first = open();
    first.record('read', T0);
    first.record('read', T0 + 1);
    first.record('write', T0 + 2 * HOUR);
    first.close();
    opened.splice(0);
    expect(open().counts(T0 + 3 * HOUR)).toEqual({
      windowDays: 30,
      total: 3,
      reads: 2,
      writes: 1,
      countingSince: new Date(Date.UTC(2026, 2, 2, 10)).toISOString(),
    });
  });

  it('forgets calls older than 30 days (rolling, by the hour)', () => {
    const counter = open();
    counter.record('read', T0);
    counter.record('read', T0 + 10 * DAY);
    expect(counter.counts(T0 + 30 * DAY - HOUR).reads).toBe(2);
    expect(counter.counts(T0 + 30 * DAY).reads).toBe(1);
    counter.record('write', T0 + 31 * DAY);
    expect(counter.counts(T0 + 31 * DAY)).toMatchObject({ total: 2, reads: 1, writes: 1 });
  });
});
