import { refreshTags } from '@/lib/cache/tagged-cache';
import { WEBHOOK_SIGNATURE_HEADER, describeSignatureFailure, parseWebhook, verifyWebhookSignature } from '@/lib/livestorm';
import { log } from '@/lib/log';
import { processSingleton } from '@/lib/process-singleton';
import { recordWebhook, type WebhookOutcome } from './activity';
import { tagsForWebhook } from './tags';

/**
 * The webhook route's work: verify, read, drop duplicates, refresh what the delivery touches,
 * answer at once. Livestorm retries non-2xx answers (docs/livestorm-api.md §8.4), so only deliveries that can never
 * succeed (forged, stale, unreadable) get one; the refresh runs in the background.
 */

/** Far above any webhook (one resource); refused before it is read in full. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
/** Livestorm retries for about 22 minutes (§8.4): a retry within this window is a duplicate. */
const SEEN_TTL_MS = 30 * 60_000;
const SEEN_MAX_ENTRIES = 10_000;

interface SeenDelivery {
  expiresAt: number;
  signedAt: number;
}

/** One memory of deliveries per process, whichever bundle handles the request. */
function seenDeliveries(): Map<string, SeenDelivery> {
  return processSingleton('webhooks:seen-deliveries', () => new Map<string, SeenDelivery>());
}

/** Insertion order is arrival order: expired and excess entries are at the front. */
function prune(seen: Map<string, SeenDelivery>, nowMs: number) {
  for (const [key, entry] of seen) {
    if (entry.expiresAt > nowMs && seen.size <= SEEN_MAX_ENTRIES) break;
    seen.delete(key);
  }
}

/** Reads the body as text, or null as soon as it exceeds `maxBytes`. */
async function readBodyWithin(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface ReceiveOptions {
  /** The signing secret; null when webhooks are not configured. */
  secret: string | null;
  nowMs?: number;
  /** Starts the background refresh of these tags (tests observe it). */
  refresh?: (tags: readonly string[]) => void;
}

type Answer = { status: 'accepted' | 'duplicate' | 'ignored' } | { error: string };

function answer(httpStatus: number, body: Answer): Response {
  return Response.json(body, { status: httpStatus, headers: { 'Cache-Control': 'no-store' } });
}

/** One line per delivery, operational facts only: never the payload (people.* carry personal data). */
function report(outcome: WebhookOutcome, detail: string, event: string | null, resourceId: string | null) {
  recordWebhook(outcome, event);
  log.info('livestorm webhook', { event, resourceId, outcome: detail });
}

export async function receiveWebhook(request: Request, options: ReceiveOptions): Promise<Response> {
  const nowMs = options.nowMs ?? Date.now();
  if (options.secret === null) {
    report('refused', 'refused: webhooks not configured', null, null);
    return answer(404, { error: 'Webhooks are not enabled on this site' });
  }
  const rawBody = await readBodyWithin(request, MAX_WEBHOOK_BODY_BYTES);
  if (rawBody === null) {
    report('refused', 'refused: body too large', null, null);
    return answer(413, { error: `Webhook body over ${MAX_WEBHOOK_BODY_BYTES} bytes` });
  }

  const signature = verifyWebhookSignature(rawBody, request.headers.get(WEBHOOK_SIGNATURE_HEADER), options.secret, nowMs);
  if (!signature.ok) {
    report('refused', `refused: signature ${signature.reason}`, null, null);
    return answer(401, { error: describeSignatureFailure(signature.reason) });
  }

  const parsed = parseWebhook(rawBody);
  if (!parsed.ok) {
    report('refused', 'refused: unreadable body', null, null);
    return answer(400, { error: `Unreadable webhook: ${parsed.reason}` });
  }
  const { event, resourceId } = parsed.webhook;

  // Key of §8.4: the resource and the event. A retry is signed anew; a replay repeats the signature.
  const seen = seenDeliveries();
  prune(seen, nowMs);
  const key = `${event}\n${resourceId}`;
  const earlier = seen.get(key);
  if (earlier) {
    report('duplicate', earlier.signedAt === signature.timestampSeconds ? 'duplicate: replayed signature' : 'duplicate', event, resourceId);
    return answer(200, { status: 'duplicate' });
  }
  seen.set(key, { expiresAt: nowMs + SEEN_TTL_MS, signedAt: signature.timestampSeconds });

  const tags = tagsForWebhook(event);
  if (tags.length === 0) {
    report('ignored', 'ignored: touches nothing shown', event, resourceId);
    return answer(200, { status: 'ignored' });
  }
  (options.refresh ?? ((t) => refreshTags(...t)))(tags);
  report('accepted', 'accepted', event, resourceId);
  return answer(202, { status: 'accepted' });
}
