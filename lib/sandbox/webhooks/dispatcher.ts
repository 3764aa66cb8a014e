import { randomUUID } from 'node:crypto';
import type { JsonApiResource, WebhookRecord } from '../schema';
import type { WebhookEvent } from './events';
import { SIGNATURE_HEADER, signatureHeader } from './signing';

// Signed deliveries (docs/livestorm-api.md §8.3–8.5). Where the sandbox deviates from Livestorm,
// for local loops and tests: retries come seconds apart, not minutes (same count: 5), and a
// subscription is never disabled.

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
    const signature = signatureHeader(body, this.options.secret, Math.floor(this.options.now() / 1000));
    try {
      const response = await this.options.transport(
        new Request(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signature, 'User-Agent': 'livestorm-sandbox-webhooks' },
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
