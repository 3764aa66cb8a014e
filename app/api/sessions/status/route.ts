import { getCatalog, requestNow } from '@/lib/events/server/catalog';
import { LIVE_STATUS_CACHE_CONTROL, liveStatusFromCatalog } from '@/lib/events/live-status';

/**
 * What open pages poll for "Live now", "Ended" and "Cancelled": built from the cached catalog, so a
 * poll costs no Livestorm call (it may start the catalog's own background refresh, like a page view).
 */
export async function GET(): Promise<Response> {
  try {
    const [catalog, now] = await Promise.all([getCatalog(), requestNow()]);
    return Response.json(liveStatusFromCatalog(catalog, now), {
      headers: { 'Cache-Control': LIVE_STATUS_CACHE_CONTROL },
    });
  } catch {
    // Only when nothing was ever fetched (a cold start during an outage; the cache logged it). Open
    // pages keep what they show, and SWR retries with backoff.
    return Response.json({ error: 'unavailable' }, { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '30' } });
  }
}
