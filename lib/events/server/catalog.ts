import 'server-only';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { connection } from 'next/server';
import { cache } from 'react';
import { createTaggedCache, type TaggedCache } from '@/lib/cache/tagged-cache';
import { getConfig } from '@/lib/config';
import { fetchCatalog, getLivestorm, type Catalog } from '@/lib/livestorm';
import { processSingleton } from '@/lib/process-singleton';
import { selectEventBySlug, selectUpcoming } from '../select';
import { TAGS } from '../tags';

/**
 * The catalog: everything the public pages show, read from Livestorm through a tagged cache (one
 * refresh of two calls per interval, whatever the traffic; webhooks refresh it at once), and the
 * per-request views of it that pages, routes and actions share. A page view costs no call.
 */

/** After a failed refresh, wait this long before spending another call on it. */
const RETRY_AFTER_FAILURE_SECONDS = 30;

/** Identifies the upstream (mode, URL and a digest of the token) so copies on disk never cross sources. */
function sourceKey(): string {
  const { mode, livestorm } = getConfig();
  const digest = createHash('sha256').update(`${livestorm.baseUrl}\n${livestorm.token}`).digest('hex').slice(0, 12);
  return `catalog-${mode}-${digest}`;
}

export function catalogCache(): TaggedCache<Catalog> {
  return processSingleton('events:catalog-cache', () => {
    const config = getConfig();
    return createTaggedCache<Catalog>({
      key: sourceKey(),
      tags: [TAGS.catalog, TAGS.events, TAGS.sessions],
      revalidateSeconds: config.livestorm.revalidateSeconds,
      retryAfterFailureSeconds: RETRY_AFTER_FAILURE_SECONDS,
      dir: path.join(config.dataDir, 'cache'),
      load: () => fetchCatalog(getLivestorm()),
    });
  });
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

/** The listing's sessions at this request's clock, before any filter. */
export async function getUpcomingListing() {
  const [catalog, now] = await Promise.all([getCatalog(), requestNow()]);
  return selectUpcoming(catalog, now);
}

/** A published event and its open sessions, or null; shared by the layout, metadata and the page. */
export const getEventPage = cache(async (slug: string) => {
  const [catalog, now] = await Promise.all([getCatalog(), requestNow()]);
  return selectEventBySlug(catalog, slug, now);
});
