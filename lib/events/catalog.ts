import 'server-only';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { cache } from 'react';
import { createTaggedCache, type TaggedCache } from '@/lib/cache/tagged-cache';
import { getConfig } from '@/lib/config';
import { fetchCatalog, getLivestorm } from '@/lib/livestorm';
import { isTimeZone } from '@/lib/time';
import { selectEventBySlug, selectUpcoming } from './select';
import { TAGS } from './tags';
import type { Catalog } from './types';

export { TAGS };

/** After a failed refresh, wait this long before spending another call on it. */
const RETRY_AFTER_FAILURE_SECONDS = 30;

const globalForCatalog = globalThis as typeof globalThis & { __catalogCache?: TaggedCache<Catalog> };

/** Identifies the upstream (mode, URL and a digest of the token) so copies on disk never cross sources. */
function sourceKey(): string {
  const { mode, livestorm } = getConfig();
  const digest = createHash('sha256').update(`${livestorm.baseUrl}\n${livestorm.token}`).digest('hex').slice(0, 12);
  return `catalog-${mode}-${digest}`;
}

export function catalogCache(): TaggedCache<Catalog> {
  if (!globalForCatalog.__catalogCache) {
    const config = getConfig();
    globalForCatalog.__catalogCache = createTaggedCache<Catalog>({
      key: sourceKey(),
      tags: [TAGS.catalog, TAGS.events, TAGS.sessions],
      revalidateSeconds: config.livestorm.revalidateSeconds,
      retryAfterFailureSeconds: RETRY_AFTER_FAILURE_SECONDS,
      dir: path.join(config.dataDir, 'cache'),
      load: () => fetchCatalog(getLivestorm()),
    });
  }
  return globalForCatalog.__catalogCache;
}

/** The request's clock. Awaiting `connection()` marks the render as per-request (never prerendered). */
export async function requestNow(): Promise<number> {
  await connection();
  return Date.now();
}

/** One catalog read per request, shared by generateMetadata and the page. */
export const getCatalog = cache(async (): Promise<Catalog> => {
  await connection();
  return catalogCache().get();
});

export async function getUpcomingListing() {
  const [catalog, now] = await Promise.all([getCatalog(), requestNow()]);
  return selectUpcoming(catalog, now);
}

export const getEventPage = cache(async (slug: string) => {
  const [catalog, now] = await Promise.all([getCatalog(), requestNow()]);
  return selectEventBySlug(catalog, slug, now);
});

export const TIME_ZONE_COOKIE = 'tz';

/** The visitor's zone once their browser has told us (a cookie), else null. */
export async function getViewerTimeZone(): Promise<string | null> {
  const raw = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  if (!raw) return null;
  let zone: string;
  try {
    zone = decodeURIComponent(raw).slice(0, 64);
  } catch {
    return null;
  }
  return isTimeZone(zone) ? zone : null;
}
