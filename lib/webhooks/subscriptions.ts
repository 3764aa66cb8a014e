import { createWebhook, deleteWebhook, listWebhooks, type LivestormClient, type WebhookSubscription } from '@/lib/livestorm/public';
import { SUBSCRIBED_WEBHOOK_EVENTS } from './tags';

/**
 * The site's own webhook subscriptions: those whose URL is its webhook route. Livestorm's
 * subscriptions cover the whole workspace, and other tools may have theirs: those are left alone.
 * Plain modules only (no `server-only`): the operators' CLI runs this under tsx.
 */

export const WEBHOOK_ROUTE_PATH = '/api/livestorm/webhooks';

export function siteWebhookUrl(siteUrl: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${WEBHOOK_ROUTE_PATH}`;
}

/** Same URL once normalised (case of the host, default port, trailing slash of the origin). */
export function isSameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

export interface SubscriptionSync {
  created: WebhookSubscription[];
  /** Ours already, for an event the site needs. */
  kept: WebhookSubscription[];
  /** Ours, for an event the site no longer needs, or a second one for the same event. */
  removed: WebhookSubscription[];
  /** Not ours (another URL): untouched. */
  others: WebhookSubscription[];
}

/** Makes the site subscribed to exactly `events`: lists first, creates what is missing, deletes surplus of ours. */
export async function syncSiteSubscriptions(
  client: LivestormClient,
  url: string,
  events: readonly string[] = SUBSCRIBED_WEBHOOK_EVENTS,
): Promise<SubscriptionSync> {
  const all = await listWebhooks(client);
  const kept: WebhookSubscription[] = [];
  const surplus: WebhookSubscription[] = [];
  const others: WebhookSubscription[] = [];
  for (const subscription of all) {
    if (!isSameUrl(subscription.url, url)) others.push(subscription);
    else if (events.includes(subscription.event) && !kept.some((k) => k.event === subscription.event)) kept.push(subscription);
    else surplus.push(subscription);
  }
  const created: WebhookSubscription[] = [];
  for (const event of events) {
    if (!kept.some((k) => k.event === event)) created.push(await createWebhook(client, url, event));
  }
  const removed: WebhookSubscription[] = [];
  for (const subscription of surplus) if (await deleteWebhook(client, subscription.id)) removed.push(subscription);
  return { created, kept, removed, others };
}

/** Deletes every subscription of ours; returns those deleted. */
export async function removeSiteSubscriptions(client: LivestormClient, url: string): Promise<WebhookSubscription[]> {
  const ours = (await listWebhooks(client)).filter((subscription) => isSameUrl(subscription.url, url));
  const removed: WebhookSubscription[] = [];
  for (const subscription of ours) if (await deleteWebhook(client, subscription.id)) removed.push(subscription);
  return removed;
}
