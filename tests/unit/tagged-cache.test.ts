import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTaggedCache, invalidateTags, refreshTags } from '@/lib/cache/tagged-cache';

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

describe('tagged cache: refreshNow (webhooks)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Fake clock and timers; each load takes `loadMs` and returns the upstream version it read. */
  function webhookSetup(tag: string, loadMs = 100) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let upstream = 1;
    const loads: number[] = [];
    const cache = createTaggedCache<{ version: number }>({
      key: `webhook-${tag}`,
      tags: [tag],
      revalidateSeconds: 3600,
      retryAfterFailureSeconds: 30,
      coalesceSeconds: 5,
      dir: null,
      load: async () => {
        const seen = upstream;
        loads.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, loadMs));
        return { version: seen };
      },
    });
    return {
      cache,
      loads,
      change: () => {
        upstream += 1;
      },
      wait: (ms: number) => vi.advanceTimersByTimeAsync(ms),
    };
  }

  it('refreshes at once, so the next read already has the new data', async () => {
    const { cache, loads, change, wait } = webhookSetup('w:once');
    const first = cache.get();
    await wait(100);
    expect((await first).version).toBe(1);
    change();
    expect(cache.refreshNow()).toBe('started');
    await wait(100);
    expect(loads).toHaveLength(2);
    expect((await cache.get()).version).toBe(2);
    await wait(10_000);
    expect(loads).toHaveLength(2); // nothing more: the value is fresh for the whole interval
  });

  it('does nothing before anything was loaded (the first read loads fresh data anyway)', async () => {
    const { cache, loads, wait } = webhookSetup('w:cold');
    expect(cache.refreshNow()).toBe('not-loaded');
    await wait(10_000);
    expect(loads).toHaveLength(0);
  });

  it('coalesces a burst into one refresh now and one trailing refresh that sees the last change', async () => {
    const { cache, loads, change, wait } = webhookSetup('w:burst');
    const first = cache.get();
    await wait(100);
    await first;
    const results = [];
    for (let i = 0; i < 20; i += 1) {
      change();
      results.push(cache.refreshNow());
      await wait(200); // 20 webhooks over 4 s
    }
    expect(results[0]).toBe('started');
    expect(results[1]).toBe('scheduled');
    expect(new Set(results.slice(2))).toEqual(new Set(['coalesced']));
    await wait(10_000);
    expect(loads).toHaveLength(3); // the cold load, one at once, one trailing
    expect(loads[2]! - loads[1]!).toBe(5_000);
    expect((await cache.get()).version).toBe(21);
  });

  it('spaces refreshes of a steady stream by the coalescing window', async () => {
    const { cache, loads, change, wait } = webhookSetup('w:steady', 10);
    const first = cache.get();
    await wait(10);
    await first;
    for (let i = 0; i < 60; i += 1) {
      change();
      cache.refreshNow();
      await wait(1_000); // one webhook a second for a minute
    }
    await wait(10_000);
    // One per 5 s window (+ the cold load and the trailing one), not sixty.
    expect(loads.length).toBeGreaterThanOrEqual(12);
    expect(loads.length).toBeLessThanOrEqual(14);
    for (let i = 2; i < loads.length; i += 1) expect(loads[i]! - loads[i - 1]!).toBeGreaterThanOrEqual(5_000);
    expect((await cache.get()).version).toBe(61);
  });

  it('refreshes again after a refresh that was already under way when the change happened', async () => {
    const { cache, loads, change, wait } = webhookSetup('w:inflight', 1_000);
    const first = cache.get();
    await wait(1_000);
    await first;
    cache.invalidate();
    await cache.get(); // starts a background refresh that reads version 1
    await wait(500);
    change();
    expect(cache.refreshNow()).toBe('started');
    await wait(3_000);
    expect(loads).toHaveLength(3);
    expect((await cache.get()).version).toBe(2);
  });

  it('refreshTags reaches each tagged cache once, from any bundle (registry on globalThis)', async () => {
    const { cache, wait } = webhookSetup('w:tags');
    const first = cache.get();
    await wait(100);
    await first;
    expect(refreshTags('w:none')).toEqual([]);
    expect(refreshTags('w:tags', 'w:tags')).toEqual(['started']);
  });
});
