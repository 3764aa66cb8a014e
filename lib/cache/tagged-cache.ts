import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorFields, log } from '@/lib/log';
import { processSingleton } from '@/lib/process-singleton';

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
 * - named tags let webhooks and operators mark exactly the affected data stale;
 * - a webhook's refresh starts at once, but a burst of them costs one refresh per
 *   `coalesceSeconds` (plus one trailing refresh, so the last change is never missed).
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

/**
 * What `refreshNow()` did: `started` a refresh, `scheduled` one for the end of the coalescing
 * window, found one already scheduled (`coalesced`), or nothing (`not-loaded`: no value is held
 * yet, so the next read loads fresh data anyway).
 */
export type RefreshRequest = 'started' | 'scheduled' | 'coalesced' | 'not-loaded';

export interface TaggedCache<T> {
  get(): Promise<T>;
  /** Marks the value stale: the next read serves it and refreshes in the background. */
  invalidate(): void;
  /**
   * Upstream data changed (a webhook): refresh in the background now, so the next page view
   * already has the new data. Calls closer together than `coalesceSeconds` share one trailing
   * refresh.
   */
  refreshNow(): RefreshRequest;
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
  /** At most one `refreshNow()` refresh starts per this many seconds (default 5). */
  coalesceSeconds?: number;
  now?: () => number;
}

export const DEFAULT_COALESCE_SECONDS = 5;

interface Entry<T> {
  value: T;
  fetchedAt: number;
}

interface Registry {
  caches: Set<TaggedCache<unknown>>;
  byTag: Map<string, Set<TaggedCache<unknown>>>;
}

/** Per process, not per bundle: a webhook route must reach the very caches the pages read. */
function registry(): Registry {
  return processSingleton<Registry>('cache:tagged-registry', () => ({ caches: new Set(), byTag: new Map() }));
}

function cachesTagged(tags: readonly string[]): Set<TaggedCache<unknown>> {
  const { byTag } = registry();
  const affected = new Set<TaggedCache<unknown>>();
  for (const tag of tags) for (const cache of byTag.get(tag) ?? []) affected.add(cache);
  return affected;
}

/** Marks every cache carrying one of these tags stale; returns how many were affected. */
export function invalidateTags(...tags: string[]): number {
  const affected = cachesTagged(tags);
  for (const cache of affected) cache.invalidate();
  return affected.size;
}

/** `refreshNow()` on every cache carrying one of these tags (each cache once); returns what each did. */
export function refreshTags(...tags: string[]): RefreshRequest[] {
  return [...cachesTagged(tags)].map((cache) => cache.refreshNow());
}

export function cacheStatuses(): CacheStatus[] {
  return [...registry().caches].map((cache) => cache.status());
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
  const coalesceMs = (options.coalesceSeconds ?? DEFAULT_COALESCE_SECONDS) * 1000;
  let lastPushedRefreshAt: number | null = null;
  let trailingRefresh: ReturnType<typeof setTimeout> | null = null;

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

  function invalidate() {
    freshUntil = 0;
    // An explicit invalidation (webhook, operator) is news: try now even after a recent failure.
    lastFailureAt = null;
  }

  /** A refresh already under way may have read upstream before the change: let it land, then refresh. */
  function refreshAfterChange() {
    lastPushedRefreshAt = now();
    const settled = inFlight ? inFlight.then(() => undefined, () => undefined) : Promise.resolve();
    void settled.then(() => {
      invalidate();
      refreshInBackground();
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
    invalidate,
    refreshNow() {
      if (!entry && !inFlight) return 'not-loaded';
      if (trailingRefresh) return 'coalesced';
      const wait = lastPushedRefreshAt === null ? 0 : lastPushedRefreshAt + coalesceMs - now();
      if (wait <= 0) {
        refreshAfterChange();
        return 'started';
      }
      trailingRefresh = setTimeout(() => {
        trailingRefresh = null;
        refreshAfterChange();
      }, wait);
      // A pending refresh must not keep a process (a test, a script) alive.
      trailingRefresh.unref?.();
      return 'scheduled';
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

  const { caches, byTag } = registry();
  caches.add(cache as TaggedCache<unknown>);
  for (const tag of options.tags) {
    let set = byTag.get(tag);
    if (!set) byTag.set(tag, (set = new Set()));
    set.add(cache as TaggedCache<unknown>);
  }
  return cache;
}
