import type { Outage, SandboxStats } from './limits';
import type { JsonApiResource, SandboxState } from './schema';
import type { WebhookDelivery } from './webhooks/dispatcher';
import type { WebhookEvent } from './webhooks/events';

// What route handlers work on. Resources get a small context instead of the engine itself, so a
// resource file only sees state, persistence, webhooks and the registration log.

/** A registration body as it reached the sandbox, for tests that check the exact wire format. */
export interface ReceivedRegistration {
  sessionId: string;
  receivedAt: number;
  status: number;
  body: unknown;
}

export interface SandboxContext {
  /** The current state. Read it again after `sync()`: adopting another process's file replaces it. */
  readonly state: SandboxState;
  /**
   * Adopts the state file if another sandbox on the same folder wrote it since. Call it right
   * before a read-check-write, then keep the rest synchronous so no request can interleave.
   */
  sync(): void;
  /** Writes the state now; throws when it cannot (never acknowledge a write that is not on disk). */
  persist(): void;
  /** Delivers `event` to every subscription for it, in the background. */
  emit(event: WebhookEvent, resource: JsonApiResource): void;
  /** Works through a bulk job's tasks in the background (resources/jobs.ts). */
  startJob(jobId: string): void;
  /** Recent registration bodies, oldest first (GET /__sandbox/registrations). */
  readonly received: ReceivedRegistration[];
}

/** The control routes (/__sandbox) also reach the engine's counters and switches. */
export interface ControlContext extends SandboxContext {
  stats(sinceMs: number): SandboxStats;
  /** Fresh seed, counters zeroed, outage cleared, deliveries dropped; returns the new anchor. */
  reset(nowMs: number): number;
  /** `remaining: null` = until cleared; null clears. */
  setOutage(outage: Outage | null): void;
  deliveries(): WebhookDelivery[];
}
