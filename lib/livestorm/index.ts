import 'server-only';
import { getConfig } from '@/lib/config';
import type { LivestormClient } from './client';
import { clientFromConfig } from './from-config';

export { LivestormError } from './errors';
export type { LivestormClient, QuotaSnapshot } from './client';
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
const globalForLivestorm = globalThis as typeof globalThis & { __livestormClient?: LivestormClient };

export function getLivestorm(): LivestormClient {
  globalForLivestorm.__livestormClient ??= clientFromConfig(getConfig());
  return globalForLivestorm.__livestormClient;
}
