import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { HttpError, ok, paginate, parseJsonBody, readFilters, type Reply } from '../jsonapi';
import { route, type RouteCall, type RouteDefinition } from '../router';
import type { JsonApiResource, WebhookRecord } from '../schema';
import { WEBHOOK_EVENTS, isWebhookEvent } from '../webhooks/events';

// Webhook subscriptions (docs/livestorm-api.md §8.1): GET/POST /webhooks, GET/DELETE /webhooks/:id.
// Deliveries are ../webhooks/dispatcher.ts. Deviation, for local loops: besides https URLs,
// http://127.0.0.1, http://localhost and http://[::1] are accepted.

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
  if (!isWebhookEvent(event)) throw new HttpError(422, `event must be one of: ${WEBHOOK_EVENTS.join(', ')}`);
  return { id: randomUUID(), attributes: { url, event, created_at: nowS, updated_at: nowS } };
}

export function renderWebhook(record: WebhookRecord): JsonApiResource {
  return { id: record.id, type: 'webhooks', attributes: { ...record.attributes } };
}

function findWebhook(sandbox: SandboxContext, id: string): WebhookRecord {
  const record = sandbox.state.webhooks.find((w) => w.id === id);
  if (!record) throw new HttpError(404, `Webhook ${id} not found`);
  return record;
}

function listWebhooks({ state }: SandboxContext, call: RouteCall): Reply {
  readFilters(call.query, []);
  // Stable: subscriptions created within the same second stay in creation order.
  const records = [...state.webhooks].sort((a, b) => a.attributes.created_at - b.attributes.created_at);
  const page = paginate(records, call.query);
  return ok({ data: page.items.map(renderWebhook), meta: page.meta });
}

async function createWebhook(sandbox: SandboxContext, call: RouteCall): Promise<Reply> {
  const json = parseJsonBody(call.request.headers.get('content-type'), await call.request.text());
  const record = buildSubscription(json, Math.floor(call.nowMs / 1000));
  sandbox.sync();
  sandbox.state.webhooks.push(record);
  sandbox.persist();
  return ok({ data: renderWebhook(record) }, 201);
}

function deleteWebhook(sandbox: SandboxContext, call: RouteCall): Reply {
  const record = findWebhook(sandbox, call.params[0] ?? '');
  sandbox.state.webhooks = sandbox.state.webhooks.filter((w) => w !== record);
  sandbox.persist();
  return { status: 204, body: null };
}

export const webhookRoutes: RouteDefinition<SandboxContext>[] = [
  route('GET', '/webhooks', listWebhooks),
  route('POST', '/webhooks', createWebhook),
  route('GET', '/webhooks/:id', (sandbox, call) => ok({ data: renderWebhook(findWebhook(sandbox, call.params[0] ?? '')) })),
  route('DELETE', '/webhooks/:id', deleteWebhook),
];
