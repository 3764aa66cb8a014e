/**
 * The Livestorm module's entry for code that runs outside Next's server bundle too: the operators'
 * CLIs under tsx, and the modules they share with the site. Everything here is pure or takes its
 * client as an argument; no `server-only` guard and no process state. The site itself imports
 * `@/lib/livestorm` (./index.ts), which adds the process's one client; the browser imports only
 * `@/lib/livestorm/types`.
 */
export { LivestormError, type LivestormErrorKind } from './errors';
export { createLivestormClient, type ClientOptions, type LivestormClient, type Transport } from './client';
export { buildIncludesSandbox, clientFromConfig } from './from-config';
export { callCounterFile, createCallCounter, type CallCounter } from './call-counter';
export { checkToken } from './ping';
export { MAX_PEOPLE_PER_JOB, getBulkJob, getBulkJobTasks, startBulkRegistration } from './bulk';
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
  type SignatureFailure,
} from './webhooks';
export type * from './types';
