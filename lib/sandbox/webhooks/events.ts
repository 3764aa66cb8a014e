/**
 * The webhook events Livestorm sends (docs/livestorm-api.md §8.2). The sandbox keeps its own list
 * rather than importing the site's: a double that shared the client's reading of the reference
 * could not catch a mistake in it.
 */
export const WEBHOOK_EVENTS = [
  'event.created',
  'event.published',
  'session.created',
  'session.started',
  'session.ended',
  'people.registered',
  'people.attended',
  'people.not_attended',
  'people.watched_replay',
  'job.ended',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEvent(name: string): name is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(name);
}
