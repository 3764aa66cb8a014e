import 'server-only';
import { getConfig } from '@/lib/config';
import { errorFields, log } from '@/lib/log';
import { callCounterFile, createCallCounter, type CallCounter, type CallCounts } from './call-counter';
import type { LivestormClient } from './client';
import { clientFromConfig } from './from-config';

export { LivestormError } from './errors';
export type { LivestormClient, QuotaSnapshot } from './client';
export type { CallCounts } from './call-counter';
export { checkToken, type TokenCheck, type TokenCheckResult } from './ping';
export { fetchCatalog } from './reads';
export { fetchFieldLabels, isAlreadyRegistered, registerPerson, toRegistrationBody } from './registration';
export {
  DEFAULT_SIGNATURE_MAX_AGE_SECONDS,
  WEBHOOK_EVENTS,
  WEBHOOK_SIGNATURE_HEADER,
  createWebhook,
  deleteWebhook,
  describeSignatureFailure,
  isWebhookEvent,
  listWebhooks,
  parseWebhook,
  signWebhook,
  verifyWebhookSignature,
  type LivestormWebhook,
  type SignatureFailure,
  type WebhookEvent,
  type WebhookSubscription,
} from './webhooks';

// One client per process so the rate limiter and quota figures are shared by every caller.
const globalForLivestorm = globalThis as typeof globalThis & {
  __livestormClient?: LivestormClient;
  /** null: the record could not be opened (logged once); calls still go out. */
  __livestormCallCounter?: CallCounter | null;
};

function callCounter(): CallCounter | null {
  if (globalForLivestorm.__livestormCallCounter === undefined) {
    try {
      globalForLivestorm.__livestormCallCounter = createCallCounter(callCounterFile(getConfig().dataDir));
    } catch (error) {
      log.warn('could not open the record of Livestorm calls; they are not counted', errorFields(error));
      globalForLivestorm.__livestormCallCounter = null;
    }
  }
  return globalForLivestorm.__livestormCallCounter;
}

export function getLivestorm(): LivestormClient {
  globalForLivestorm.__livestormClient ??= clientFromConfig(getConfig(), {
    onRequestSent: ({ method }) => callCounter()?.record(method === 'GET' ? 'read' : 'write', Date.now()),
  });
  return globalForLivestorm.__livestormClient;
}

/** Calls this site sent over the last 30 days (all processes sharing DATA_DIR), or null when not recorded. */
export function livestormCallCounts(now = Date.now()): CallCounts | null {
  return callCounter()?.counts(now) ?? null;
}
