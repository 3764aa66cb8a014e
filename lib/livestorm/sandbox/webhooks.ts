import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { WEBHOOK_EVENTS, WEBHOOK_SIGNATURE_HEADER, signWebhook, type WebhookEvent } from '../webhooks';
import { HttpError } from './jsonapi';
import type { JsonApiResource, WebhookRecord } from './types';

// Webhook subscriptions (§8.1) and signed deliveries (§8.3–8.5) of the sandbox.
//
// Deviations from Livestorm, for local loops and tests:
// - besides https URLs, http://127.0.0.1, http://localhost and http://[::1] are accepted;
// - retries are seconds apart, not minutes (same count: 5), and a subscription is never disabled.

const SubscriptionBodySchema = z.object({
  data: z.object({
    type: z.literal('webhooks'),
    attributes: z.object({ url: z.string().trim().min(1), event: z.string().trim().min(1) }),
  }),
});

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function acceptedUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}

/** `POST /webhooks` body → a new subscription; 400 for a wrong envelope, 422 for a refused value. */
export function buildSubscription(json: unknown, nowS: number): WebhookRecord {
  const parsed = SubscriptionBodySchema.safeParse(json);
  if (!parsed.success) {
    throw new HttpError(400, `Expected {"data":{"type":"webhooks","attributes":{"url","event"}}} (${parsed.error.issues[0]?.path.join('.') ?? 'body'})`);
  }
  const { url, event } = parsed.data.data.attributes;
  if (!acceptedUrl(url)) throw new HttpError(422, 'url must be an https URL (the sandbox also takes http://127.0.0.1 or http://localhost)');
  if (!(WEBHOOK_EVENTS as readonly string[]).includes(event)) {
    throw new HttpError(422, `event must be one of: ${WEBHOOK_EVENTS.join(', ')}`);
  }
  return { id: randomUUID(), attributes: { url, event, created_at: nowS, updated_at: nowS } };
}

export function renderWebhook(record: WebhookRecord): JsonApiResource {
  return { id: record.id, type: 'webhooks', attributes: { ...record.attributes } };
}

/** One delivery as tests see it (`GET /__sandbox/webhook-deliveries`): no payload, nothing personal. */
export interface WebhookDelivery {
  id: string;
  event: WebhookEvent;
  url: string;
  resourceType: string;
  resourceId: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  /** HTTP status of the last attempt; null when the URL could not be reached. */
  lastStatus: number | null;
  createdAt: number;
}

export interface DispatcherOptions {
  secret: string;
  now: () => number;
  transport: (request: Request) => Promise<Response>;
  /** Wait before each retry; its length is the number of retries. */
  retryDelaysMs: readonly number[];
  timeoutMs?: number;
}

/** Livestorm retries on these answers only, not on network or certificate errors (§8.4). */
const retryable = (status: number) => (status >= 400 && status <= 456) || (status >= 500 && status <= 511);

const MAX_DELIVERIES = 500;

/**
 * Sends each delivery in the background: the API answer that caused it never waits. Every attempt
 * is signed afresh (a retry carries a new timestamp, so it is never refused as stale).
 */
export class WebhookDispatcher {
  private deliveries: WebhookDelivery[] = [];
  private readonly running = new Set<Promise<void>>();
  /** Bumped by clear(): retries of an earlier generation stop. */
  private generation = 0;

  constructor(private readonly options: DispatcherOptions) {}

  dispatch(subscriptions: readonly WebhookRecord[], event: WebhookEvent, resource: JsonApiResource, organizationId: string): void {
    const body = JSON.stringify({
      data: { ...resource, meta: { webhook: { event, organization_id: organizationId } } },
    });
    for (const subscription of subscriptions) {
      if (subscription.attributes.event !== event) continue;
      const delivery: WebhookDelivery = {
        id: randomUUID(),
        event,
        url: subscription.attributes.url,
        resourceType: resource.type,
        resourceId: resource.id,
        status: 'pending',
        attempts: 0,
        lastStatus: null,
        createdAt: this.options.now(),
      };
      this.deliveries.push(delivery);
      if (this.deliveries.length > MAX_DELIVERIES) this.deliveries.shift();
      const run = this.deliver(delivery, body, this.generation).finally(() => this.running.delete(run));
      this.running.add(run);
    }
  }

  list(): WebhookDelivery[] {
    return this.deliveries.map((delivery) => ({ ...delivery }));
  }

  clear(): void {
    this.generation += 1;
    this.deliveries = [];
  }

  /** Resolves once every delivery under way has settled (for tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private async deliver(delivery: WebhookDelivery, body: string, generation: number): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      if (generation !== this.generation) return;
      delivery.attempts += 1;
      const status = await this.post(delivery.url, body);
      delivery.lastStatus = status;
      if (status !== null && status >= 200 && status < 300) {
        delivery.status = 'delivered';
        return;
      }
      const wait = this.options.retryDelaysMs[attempt];
      if (status === null || !retryable(status) || wait === undefined) {
        delivery.status = 'failed';
        console.warn(`[livestorm-sandbox] webhook ${delivery.event} to ${delivery.url} failed after ${delivery.attempts} attempt(s): ${status === null ? 'unreachable' : `HTTP ${status}`}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, wait).unref?.());
    }
  }

  private async post(url: string, body: string): Promise<number | null> {
    const signature = signWebhook(body, this.options.secret, Math.floor(this.options.now() / 1000));
    try {
      const response = await this.options.transport(
        new Request(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signature, 'User-Agent': 'livestorm-sandbox-webhooks' },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
        }),
      );
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    } catch {
      return null;
    }
  }
}
