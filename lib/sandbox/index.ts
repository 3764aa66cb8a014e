// Livestorm sandbox: a seeded, in-process implementation of the Livestorm REST API v1 subset the
// site uses, as a single web-standard `Request -> Promise<Response>` handler. Runs in-process
// (server-side client calls `sandbox.handle(new Request(...))`) or behind scripts/sandbox.ts.
// Depends only on node built-ins and zod: no `server-only`/`next/*`, it also runs under plain tsx.
// docs/sandbox.md describes what it implements, its control routes (/__sandbox/*) and its files.
import { DEFAULT_WEBHOOK_RETRY_DELAYS_MS, SANDBOX_WEBHOOK_SECRET } from './defaults';
import { SandboxEngine } from './engine';
import type { SandboxStats } from './limits';

export interface SandboxOptions {
  /** the only accepted API token (raw, as in `Authorization: <token>`) */
  token: string;
  /** folder for persisted state (state.json); null/undefined = memory only */
  dataDir?: string | null;
  /** clock in ms, default Date.now (tests inject) */
  now?: () => number;
  /** default 5 */
  requestsPerSecond?: number;
  /** default 10000 */
  monthlyQuota?: number;
  /** signs webhook deliveries; default SANDBOX_WEBHOOK_SECRET */
  webhookSecret?: string;
  /** sends webhook deliveries; default fetch (tests route them in-process) */
  webhookTransport?: (request: Request) => Promise<Response>;
  /** waits before each delivery retry; default 0.5, 1, 2, 4, 8 s (Livestorm: 5 retries over ~20 min) */
  webhookRetryDelaysMs?: readonly number[];
  /** time a bulk registration job spends on each task; default 20 ms */
  bulkTaskMs?: number;
}

export interface Sandbox {
  handle(request: Request): Promise<Response>;
  stats(): SandboxStats;
}

/**
 * What createSandbox actually returns; `flush` writes a throttled quota-counter change to disk now,
 * `webhooksIdle` resolves once every webhook delivery under way has settled.
 */
export interface SandboxInstance extends Sandbox {
  flush(): void;
  webhooksIdle(): Promise<void>;
  /** Resolves once every bulk registration job under way has been worked through. */
  jobsIdle(): Promise<void>;
}

export function createSandbox(options: SandboxOptions): SandboxInstance {
  if (!options.token) throw new Error('createSandbox: token must be a non-empty string');
  const requestsPerSecond = options.requestsPerSecond ?? 5;
  const monthlyQuota = options.monthlyQuota ?? 10_000;
  if (!Number.isInteger(requestsPerSecond) || requestsPerSecond < 1) throw new Error('createSandbox: requestsPerSecond must be a positive integer');
  if (!Number.isInteger(monthlyQuota) || monthlyQuota < 1) throw new Error('createSandbox: monthlyQuota must be a positive integer');
  const engine = new SandboxEngine({
    token: options.token,
    dataDir: options.dataDir ?? null,
    now: options.now ?? Date.now,
    requestsPerSecond,
    monthlyQuota,
    webhookSecret: options.webhookSecret || SANDBOX_WEBHOOK_SECRET,
    webhookTransport: options.webhookTransport ?? ((request) => fetch(request)),
    webhookRetryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_WEBHOOK_RETRY_DELAYS_MS,
    bulkTaskMs: options.bulkTaskMs ?? 20,
  });
  return {
    handle: (request) => engine.handle(request),
    stats: () => engine.stats(),
    flush: () => engine.flush(),
    webhooksIdle: () => engine.webhooksIdle(),
    jobsIdle: () => engine.jobsIdle(),
  };
}

export type { ReceivedRegistration } from './context';
export { DEFAULT_WEBHOOK_RETRY_DELAYS_MS, SANDBOX_WEBHOOK_SECRET } from './defaults';
export { peakInWindow, type SandboxStats } from './limits';
export type { WebhookDelivery } from './webhooks/dispatcher';

export { ORGANIZATION, SEED_EVENTS, SEED_REGISTERED_EMAIL, SEED_SESSIONS, createSeedState, type SeedEventKey, type SeedEventInfo } from './seed';
export { MAX_TASKS_PER_JOB } from './resources/jobs';
export { STATE_FILE, deleteState, statePath } from './store';
export type {
  EventField,
  PersonAttributes,
  SandboxState,
  SessionAttributes,
  SessionStatus,
  StoredEventAttributes,
} from './schema';
