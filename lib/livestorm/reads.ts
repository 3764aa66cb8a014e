import type { LivestormClient } from './client';
import { toSession, toWebinarEvent } from './mappers';
import { eventResource, sessionResource } from './schema';
import type { Catalog } from './types';

/** How far back sessions are fetched: far enough to catch any session still running. */
const LIVE_LOOKBACK_SECONDS = 24 * 60 * 60;

/**
 * One refresh of everything the public pages show, in as few calls as the API allows:
 * all events (fields included, ≤50 a page) and the sessions scheduled since yesterday.
 * Selecting what to show happens later, at request time, against the current clock.
 */
export async function fetchCatalog(client: LivestormClient, now: number = Date.now()): Promise<Catalog> {
  const since = Math.floor(now / 1000) - LIVE_LOOKBACK_SECONDS;
  const [events, sessions] = await Promise.all([
    client.paginate('/events', { item: eventResource }),
    client.paginate('/sessions', { item: sessionResource, query: { 'filter[date_from]': since } }),
  ]);
  return {
    events: events.map(toWebinarEvent),
    sessions: sessions.map(toSession),
    fetchedAt: new Date(now).toISOString(),
  };
}
