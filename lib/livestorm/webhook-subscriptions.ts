import { z } from 'zod';
import type { LivestormClient } from './client';
import { listDocument, resource } from './schema';

/**
 * Temporary: the status page's view of `GET /webhooks` (../shared/livestorm-api.md §8.1), to be
 * reconciled at merge time with `listWebhooks` in ./webhooks.ts, which returns this same shape.
 */

export interface WebhookSubscription {
  id: string;
  event: string;
  url: string;
  createdAt: string | null;
}

const webhookResource = resource(
  'webhooks',
  z.object({
    event: z.string(),
    url: z.string(),
    created_at: z.union([z.number(), z.string()]).nullish(),
  }),
);

function isoTime(value: number | string | null | undefined): string | null {
  if (value === null || value === undefined || value === 0 || value === '') return null;
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(/^\d+$/.test(value) ? Number(value) * 1000 : value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * One call, first page only (a workspace has a handful of subscriptions), no retries: the status
 * page must not spend them on an endpoint the token may lack the scope for.
 */
export async function listWebhookSubscriptions(client: LivestormClient): Promise<WebhookSubscription[]> {
  const document = await client.request('/webhooks', { schema: listDocument(webhookResource), retry: false });
  return document.data.map((webhook) => ({
    id: webhook.id,
    event: webhook.attributes.event,
    url: webhook.attributes.url,
    createdAt: isoTime(webhook.attributes.created_at),
  }));
}
