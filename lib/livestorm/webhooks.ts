import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { LivestormClient } from './client';
import { LivestormError } from './errors';
import { webhookDocument, webhookEnvelope, webhookResource, type WireWebhook } from './schema';

/**
 * Livestorm webhooks on the wire (docs/livestorm-api.md §8): the signature, the delivery
 * envelope, and the subscription calls. Pure (no `server-only`, no config): the sandbox signs
 * its deliveries with `signWebhook`, and the operators' CLI runs under plain tsx.
 */

/** The event names Livestorm sends (§8.2). */
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

export const WEBHOOK_SIGNATURE_HEADER = 'x-livestorm-signature';
/** Livestorm's own example rejects after 5 s; minutes tolerate clock skew and slow networks. */
export const DEFAULT_SIGNATURE_MAX_AGE_SECONDS = 300;

export type SignatureFailure = 'missing' | 'malformed' | 'stale' | 'future' | 'mismatch';
export type SignatureCheck = { ok: true; timestampSeconds: number } | { ok: false; reason: SignatureFailure };

/** SHA-256 of `timestamp + secret + body` (§8.5: a plain hash, not an HMAC). */
function digest(timestamp: string, secret: string, body: string): Buffer {
  return createHash('sha256').update(timestamp + secret + body).digest();
}

/** The `x-livestorm-signature` value for a body: `<unix seconds>,<sha256 hex>`. */
export function signWebhook(body: string, secret: string, timestampSeconds: number): string {
  const timestamp = String(Math.floor(timestampSeconds));
  return `${timestamp},${digest(timestamp, secret, body).toString('hex')}`;
}

const SIGNATURE_HEADER_VALUE = /^\s*(\d{1,12})\s*,\s*([0-9a-f]{64})\s*$/i;

/** The raw body first; if Livestorm hashed its own serialisation, the re-serialised JSON matches. */
function signedBodyCandidates(rawBody: string): string[] {
  try {
    const reserialised = JSON.stringify(JSON.parse(rawBody));
    return reserialised === rawBody ? [rawBody] : [rawBody, reserialised];
  } catch {
    return [rawBody];
  }
}

/**
 * Checks `x-livestorm-signature: <timestamp>,<signature>` (timestamp first, §8.5). The timestamp
 * must be within `maxAgeSeconds` of `nowMs` either way, which bounds replays; digests are
 * compared in constant time.
 */
export function verifyWebhookSignature(
  rawBody: string,
  header: string | null | undefined,
  secret: string,
  nowMs: number,
  maxAgeSeconds: number = DEFAULT_SIGNATURE_MAX_AGE_SECONDS,
): SignatureCheck {
  if (secret === '') throw new Error('verifyWebhookSignature: the webhook secret must not be empty');
  if (header === null || header === undefined || header.trim() === '') return { ok: false, reason: 'missing' };
  const match = SIGNATURE_HEADER_VALUE.exec(header);
  if (!match) return { ok: false, reason: 'malformed' };
  const timestamp = match[1]!;
  const given = Buffer.from(match[2]!, 'hex');
  const timestampSeconds = Number(timestamp);
  const ageSeconds = nowMs / 1000 - timestampSeconds;
  if (ageSeconds > maxAgeSeconds) return { ok: false, reason: 'stale' };
  if (ageSeconds < -maxAgeSeconds) return { ok: false, reason: 'future' };
  for (const body of signedBodyCandidates(rawBody)) {
    if (timingSafeEqual(digest(timestamp, secret, body), given)) return { ok: true, timestampSeconds };
  }
  return { ok: false, reason: 'mismatch' };
}

/** What a refused sender is told: enough to fix its setup, nothing about ours. */
export function describeSignatureFailure(reason: SignatureFailure, maxAgeSeconds = DEFAULT_SIGNATURE_MAX_AGE_SECONDS): string {
  switch (reason) {
    case 'missing':
      return `Missing ${WEBHOOK_SIGNATURE_HEADER} header`;
    case 'malformed':
      return `Malformed ${WEBHOOK_SIGNATURE_HEADER} header: expected "<unix seconds>,<64 hex characters>"`;
    case 'stale':
      return `Signature timestamp is more than ${maxAgeSeconds} s old`;
    case 'future':
      return `Signature timestamp is more than ${maxAgeSeconds} s in the future`;
    case 'mismatch':
      return 'Signature does not match';
  }
}

/** One delivery, reduced to what the site acts on. Never personal fields (`people.*` carry them). */
export interface LivestormWebhook {
  /** As Livestorm names it, e.g. `session.started`; names we do not know yet pass through. */
  event: string;
  /** `sessions`, `events`, `people`, `jobs`, ... */
  resourceType: string;
  resourceId: string;
  /** The Livestorm event the resource belongs to, where the payload says. */
  eventId: string | null;
  sessionId: string | null;
}

const reference = z.string().min(1).nullish().catch(null);
const sessionReferences = z.object({ event_id: reference });
const peopleReferences = z.object({
  registrant_detail: z.object({ event_id: reference, session_id: reference }).nullish().catch(null),
});

function references(type: string, id: string, attributes: Record<string, unknown>): Pick<LivestormWebhook, 'eventId' | 'sessionId'> {
  switch (type) {
    case 'events':
      return { eventId: id, sessionId: null };
    case 'sessions':
      return { eventId: sessionReferences.safeParse(attributes).data?.event_id ?? null, sessionId: id };
    case 'people': {
      const detail = peopleReferences.safeParse(attributes).data?.registrant_detail;
      return { eventId: detail?.event_id ?? null, sessionId: detail?.session_id ?? null };
    }
    default:
      return { eventId: null, sessionId: null };
  }
}

export type WebhookParse = { ok: true; webhook: LivestormWebhook } | { ok: false; reason: string };

/** Reads a delivery body (§8.3). A failure names the missing member, never a value. */
export function parseWebhook(rawBody: string): WebhookParse {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'the body is not JSON' };
  }
  const parsed = webhookEnvelope.safeParse(json);
  if (!parsed.success) {
    const paths = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(root)'))].slice(0, 3);
    return { ok: false, reason: `not a Livestorm webhook envelope (check ${paths.join(', ')})` };
  }
  const { id, type, attributes, meta } = parsed.data.data;
  return { ok: true, webhook: { event: meta.webhook.event, resourceType: type, resourceId: id, ...references(type, id, attributes) } };
}

// -------------------------------------------------------------------------------------------
// Subscriptions (§8.1; needs the token's Webhooks scope)

export interface WebhookSubscription {
  id: string;
  url: string;
  event: string;
  /** ISO 8601, or null when Livestorm did not say. */
  createdAt: string | null;
}

function toSubscription({ id, attributes }: WireWebhook): WebhookSubscription {
  return {
    id,
    url: attributes.url,
    event: attributes.event,
    createdAt: attributes.created_at === 0 ? null : new Date(attributes.created_at * 1000).toISOString(),
  };
}

/** Every subscription of the workspace (`GET /webhooks` paginates like the other lists). */
export async function listWebhooks(client: LivestormClient): Promise<WebhookSubscription[]> {
  return (await client.paginate('/webhooks', { item: webhookResource })).map(toSubscription);
}

/** `POST /webhooks` with `{url, event}` (not `target_url`, §8.1). Livestorm only accepts https URLs. */
export async function createWebhook(client: LivestormClient, url: string, event: string): Promise<WebhookSubscription> {
  const document = await client.request('/webhooks', {
    method: 'POST',
    schema: webhookDocument,
    body: { data: { type: 'webhooks', attributes: { url, event } } },
  });
  return toSubscription(document.data);
}

/** `DELETE /webhooks/{id}`; false when it was already gone. */
export async function deleteWebhook(client: LivestormClient, id: string): Promise<boolean> {
  try {
    await client.request(`/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE', schema: z.unknown() });
    return true;
  } catch (error) {
    if (error instanceof LivestormError && error.kind === 'not_found') return false;
    throw error;
  }
}
