import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTaggedCache, invalidateTags } from '@/lib/cache/tagged-cache';

function setup(options: { dir?: string | null; failing?: () => boolean; tags?: string[] } = {}) {
  let clock = 1_000_000;
  let calls = 0;
  let version = 0;
  const cache = createTaggedCache<{ version: number }>({
    key: 'test',
    tags: options.tags ?? ['t:test'],
    revalidateSeconds: 60,
    retryAfterFailureSeconds: 10,
    dir: options.dir ?? null,
    now: () => clock,
    load: async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (options.failing?.()) throw new Error('upstream down');
      version += 1;
      return { version };
    },
  });
  return {
    cache,
    calls: () => calls,
    advance: (seconds: number) => {
      clock += seconds * 1000;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('tagged cache', () => {
  it('collapses concurrent cold reads into one load', async () => {
    const { cache, calls } = setup();
    const values = await Promise.all(Array.from({ length: 50 }, () => cache.get()));
    expect(calls()).toBe(1);
    expect(new Set(values.map((v) => v.version))).toEqual(new Set([1]));
  });

  it('serves fresh values without loading, then stale-while-revalidate', async () => {
    const { cache, calls, advance } = setup();
    await cache.get();
    advance(59);
    expect((await cache.get()).version).toBe(1);
    expect(calls()).toBe(1);
    advance(2);
    expect((await cache.get()).version).toBe(1); // stale served at once
    await settle();
    expect(calls()).toBe(2);
    expect((await cache.get()).version).toBe(2);
  });

  it('answers a cold-start failure again without calling upstream until the backoff ends', async () => {
    let down = true;
    const { cache, calls, advance } = setup({ failing: () => down });
    await expect(cache.get()).rejects.toThrow('upstream down');
    await expect(cache.get()).rejects.toThrow('upstream down');
    advance(9);
    await expect(cache.get()).rejects.toThrow('upstream down');
    expect(calls()).toBe(1);
    down = false;
    advance(2);
    expect((await cache.get()).version).toBe(1);
    expect(calls()).toBe(2);
  });

  it('keeps serving the last good value when refreshes fail, retrying only after the backoff', async () => {
    let down = false;
    const { cache, calls, advance } = setup({ failing: () => down });
    await cache.get();
    down = true;
    advance(61);
    for (let i = 0; i < 20; i += 1) expect((await cache.get()).version).toBe(1);
    await settle();
    expect(calls()).toBe(2); // one failed attempt, not twenty
    for (let i = 0; i < 20; i += 1) await cache.get();
    await settle();
    expect(calls()).toBe(2);
    advance(11);
    down = false;
    await cache.get();
    await settle();
    expect(calls()).toBe(3);
    expect((await cache.get()).version).toBe(2);
    expect(cache.status()).toMatchObject({ failures: 1, refreshes: 3, lastFailure: 'upstream down' });
  });

  it('throws when the first load fails and nothing was ever cached', async () => {
    const { cache } = setup({ failing: () => true });
    await expect(cache.get()).rejects.toThrow('upstream down');
  });

  it('invalidates by tag', async () => {
    const { cache, calls } = setup({ tags: ['t:tagged'] });
    await cache.get();
    expect(invalidateTags('t:other')).toBe(0);
    expect(invalidateTags('t:tagged')).toBe(1);
    await cache.get();
    await settle();
    expect(calls()).toBe(2);
  });

  it('survives a restart with the copy on disk, even when upstream is down', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tagged-cache-'));
    const first = setup({ dir });
    await first.cache.get();
    const second = setup({ dir, failing: () => true });
    expect((await second.cache.get()).version).toBe(1);
  });

  it('on a cold start with Livestorm up, loads fresh data instead of the disk copy', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tagged-cache-'));
    await setup({ dir }).cache.get();
    const restarted = setup({ dir });
    await restarted.cache.get();
    expect(restarted.calls()).toBe(1);
  });
});
