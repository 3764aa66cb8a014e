import 'server-only';
import { getConfig } from '@/lib/config';
import { createLivestormClient, type LivestormClient, type Transport } from './client';
import { createSandbox } from './sandbox';

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

function createTransport(): Transport {
  const config = getConfig();
  if (config.mode === 'live') return (request) => fetch(request);
  const sandbox = createSandbox({
    token: config.livestorm.token,
    dataDir: config.sandbox.dataDir,
    webhookSecret: config.webhooks.secret ?? undefined,
  });
  return (request) => sandbox.handle(request);
}

// One client per process so the rate limiter and quota figures are shared by every caller.
const globalForLivestorm = globalThis as typeof globalThis & { __livestormClient?: LivestormClient };

export function getLivestorm(): LivestormClient {
  if (!globalForLivestorm.__livestormClient) {
    const { livestorm } = getConfig();
    globalForLivestorm.__livestormClient = createLivestormClient({
      baseUrl: livestorm.baseUrl,
      token: livestorm.token,
      transport: createTransport(),
      timeoutMs: livestorm.timeoutMs,
      maxRequestsPerSecond: livestorm.maxRequestsPerSecond,
    });
  }
  return globalForLivestorm.__livestormClient;
}
