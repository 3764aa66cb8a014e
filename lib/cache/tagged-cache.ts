import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorFields, log } from '@/lib/log';

/**
 * A read-through cache for upstream data under a tight call quota (Livestorm: 10,000 calls a
 * month). The policy is ours rather than the framework's because every part of it costs quota:
 * - stale-while-revalidate: after `revalidateSeconds` the old value is served while one refresh
 *   runs in the background; a page view never waits on Livestorm once a value exists;
 * - single-flight: concurrent misses share one upstream refresh (no cold-start stampede);
 * - a failed refresh keeps serving the last good value and waits `retryAfterFailureSeconds`
 *   before trying again (an outage costs one call per interval, not one per page view);
 * - the last good value is also kept on disk, so a restart during an outage still serves pages
 *   (only then: a cold start with Livestorm up loads fresh data first);
 * - named tags let webhooks and operators mark exactly the affected data stale.
 */

export interface CacheStatus {
  key: string;
  tags: readonly string[];
  fetchedAt: string | null;
  freshUntil: string | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastFailure: string | null;
  refreshes: number;
  failures: number;
}

export interface TaggedCache<T> {
  get(): Promise<T>;
  /** Marks the value stale: the next read serves it and refreshes in the background. */
  invalidate(): void;
  status(): CacheStatus;
}

export interface TaggedCacheOptions<T> {
  key: string;
  tags: readonly string[];
  revalidateSeconds: number;
  retryAfterFailureSeconds: number;
  load: () => Promise<T>;
  /** Folder for the on-disk copy; null keeps it in memory only. */
  dir: string | null;
  now?: () => number;
}

interface Entry<T> {
  value: T;
  fetchedAt: number;
}

// On globalThis: Next bundles pages, route handlers and instrumentation separately, and a webhook
// route or the status page must reach caches a page created.
const globalForCaches = globalThis as typeof globalThis & {
  __taggedCaches?: { registry: Set<TaggedCache<unknown>>; tagIndex: Map<string, Set<TaggedCache<unknown>>> };
};
globalForCaches.__taggedCaches ??= { registry: new Set(), tagIndex: new Map() };
const { registry, tagIndex } = globalForCaches.__taggedCaches;

/** Marks every cache carrying one of these tags stale; returns how many were affected. */
export function invalidateTags(...tags: string[]): number {
  const affected = new Set<TaggedCache<unknown>>();
  for (const tag of tags) for (const cache of tagIndex.get(tag) ?? []) affected.add(cache);
  for (const cache of affected) cache.invalidate();
  return affected.size;
}

export function cacheStatuses(): CacheStatus[] {
  return [...registry].map((cache) => cache.status());
}

function fileFor(dir: string, key: string): string {
  return path.join(dir, `${key.replace(/[^a-z0-9_-]+/gi, '_').slice(0, 120)}.json`);
}

export function createTaggedCache<T>(options: TaggedCacheOptions<T>): TaggedCache<T> {
  const now = options.now ?? Date.now;
  let entry: Entry<T> | null = null;
  let freshUntil = 0;
  let inFlight: Promise<Entry<T>> | null = null;
  let lastFailureAt: number | null = null;
  let lastFailure: string | null = null;
  let lastSuccessAt: number | null = null;
  let refreshes = 0;
  let failures = 0;
  let lastError: unknown = null;

  async function readDisk(): Promise<Entry<T> | null> {
    if (!options.dir) return null;
    try {
      const parsed = JSON.parse(await readFile(fileFor(options.dir, options.key), 'utf8')) as Entry<T>;
      return typeof parsed.fetchedAt === 'number' && 'value' in parsed ? parsed : null;
    } catch {
      return null;
    }
  }

  async function writeDisk(next: Entry<T>) {
    if (!options.dir) return;
    try {
      await mkdir(options.dir, { recursive: true });
      const target = fileFor(options.dir, options.key);
      const temp = `${target}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(next));
      await rename(temp, target);
    } catch (error) {
      log.warn('could not save the cached copy to disk', { key: options.key, ...errorFields(error) });
    }
  }

  function refresh(): Promise<Entry<T>> {
    inFlight ??= (async () => {
      refreshes += 1;
      try {
        const value = await options.load();
        const next = { value, fetchedAt: now() };
        entry = next;
        lastSuccessAt = next.fetchedAt;
        freshUntil = next.fetchedAt + options.revalidateSeconds * 1000;
        await writeDisk(next);
        return next;
      } catch (error) {
        failures += 1;
        lastFailureAt = now();
        lastFailure = error instanceof Error ? error.message : String(error);
        lastError = error;
        log.warn(entry ? 'refresh failed; serving the previous copy' : 'refresh failed with no copy to serve', {
          key: options.key,
          ...errorFields(error),
        });
        throw error;
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  }

  function refreshInBackground() {
    if (inFlight) return;
    if (lastFailureAt !== null && now() - lastFailureAt < options.retryAfterFailureSeconds * 1000) return;
    refresh().catch(() => {
      // Logged in refresh(); the stale value keeps being served.
    });
  }

  const cache: TaggedCache<T> = {
    async get() {
      if (!entry) {
        try {
          // With nothing to serve, a recent failure is answered again rather than retried: an
          // outage at cold start costs one call per interval, not one per page view.
          if (lastError !== null && lastFailureAt !== null && now() - lastFailureAt < options.retryAfterFailureSeconds * 1000) {
            throw lastError;
          }
          return (await refresh()).value;
        } catch (error) {
          // Cold start during an outage: the copy saved before the restart beats an error page.
          const fromDisk = await readDisk();
          if (!fromDisk) throw error;
          entry ??= fromDisk;
          log.warn('serving the copy saved on disk', { key: options.key, fetchedAt: new Date(fromDisk.fetchedAt).toISOString() });
          return entry.value;
        }
      }
      if (now() >= freshUntil) refreshInBackground();
      return entry.value;
    },
    invalidate() {
      freshUntil = 0;
      // An explicit invalidation (webhook, operator) is news: try now even after a recent failure.
      lastFailureAt = null;
    },
    status() {
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      return {
        key: options.key,
        tags: options.tags,
        fetchedAt: iso(entry?.fetchedAt ?? null),
        freshUntil: entry ? iso(freshUntil) : null,
        lastSuccessAt: iso(lastSuccessAt),
        lastFailureAt: iso(lastFailureAt),
        lastFailure,
        refreshes,
        failures,
      };
    },
  };

  registry.add(cache as TaggedCache<unknown>);
  for (const tag of options.tags) {
    let set = tagIndex.get(tag);
    if (!set) tagIndex.set(tag, (set = new Set()));
    set.add(cache as TaggedCache<unknown>);
  }
  return cache;
}
