import { TAGS, type CatalogTag } from '@/lib/events/tags';
import type { WebhookEvent } from '@/lib/livestorm/types';

/**
 * Which cached data each Livestorm webhook makes stale. Only what the site shows counts: new and
 * started/ended sessions and new/published events change the listing and event pages. People
 * events change nothing shown (the catalog carries a registrant count, but no page displays it),
 * so they cost no refresh; neither does a bulk job.
 */
const TAGS_BY_EVENT = {
  'session.created': [TAGS.sessions],
  'session.started': [TAGS.sessions],
  'session.ended': [TAGS.sessions],
  'event.created': [TAGS.events],
  'event.published': [TAGS.events],
  'people.registered': [],
  'people.attended': [],
  'people.not_attended': [],
  'people.watched_replay': [],
  'job.ended': [],
} as const satisfies Record<WebhookEvent, readonly CatalogTag[]>;

/** The tags a delivery makes stale; none for events we do not know (they are acknowledged and ignored). */
export function tagsForWebhook(event: string): readonly CatalogTag[] {
  const byName: Readonly<Record<string, readonly CatalogTag[]>> = TAGS_BY_EVENT;
  // Own keys only: a name such as "constructor" must not reach Object.prototype.
  return (Object.hasOwn(byName, event) && byName[event]) || [];
}

/** What the site subscribes to: exactly the events that touch something it shows. */
export const SUBSCRIBED_WEBHOOK_EVENTS: readonly WebhookEvent[] = (Object.keys(TAGS_BY_EVENT) as WebhookEvent[]).filter(
  (event) => TAGS_BY_EVENT[event].length > 0,
);
