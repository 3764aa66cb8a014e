import type { RegistrationOutcome, RegistrationRequest } from '@/lib/livestorm/types';
import type { Outbox, OutboxEntry } from './outbox';

/**
 * Delivers the outbox to Livestorm: as fast as the shared client's limiter allows, each entry
 * until Livestorm gives a final answer. Transient failures (429, 5xx, timeouts, an exhausted quota,
 * a revoked token) back off exponentially and pause the whole queue, so an outage costs one probe
 * per backoff step rather than one call per waiting registration.
 */

export interface TransientFailure {
  /** Operational description, never personal data. */
  message: string;
  /** Seconds Livestorm asked us to wait, when it did. */
  retryAfterSeconds: number | null;
}

export interface DeliveryOptions {
  outbox: Outbox;
  deliver: (request: RegistrationRequest) => Promise<RegistrationOutcome>;
  /** Classifies a thrown error as worth retrying later; anything else is retried too, but logged loudly. */
  asTransient: (error: unknown) => TransientFailure | null;
  /** Keep the personal join link of a new registration for the confirmation page. */
  keepJoinLink: boolean;
  concurrency?: number;
  /** Longer than one delivery can take (the client's deadline), so only a dead worker loses its lease. */
  leaseMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest sleep between checks, so entries added by another process are not left waiting. */
  idlePollMs?: number;
  now?: () => number;
  random?: () => number;
  onEvent?: (event: DeliveryEvent) => void;
}

export type DeliveryEvent =
  | { type: 'settled'; status: OutboxEntry['status']; attempts: number; waitedMs: number }
  | { type: 'retry'; attempts: number; delayMs: number; reason: string; transient: boolean };

export interface DeliveryWorker {
  /** Starts the loop (delivers whatever a previous process left behind). */
  start(): void;
  /** Looks for due entries now (after an enqueue). */
  kick(): void;
  /**
   * Resolves with the entries once all are settled, or as soon as the queue is paused by a
   * transient failure (Livestorm will not answer soon), or with their current state at the timeout.
   */
  waitForSettled(ids: readonly string[], timeoutMs: number): Promise<OutboxEntry[]>;
  /** Resolves when nothing is due or in flight (tests, benchmarks, shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Full-jitter exponential backoff: attempt 1 waits up to base, then doubling, capped. */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function createDeliveryWorker(options: DeliveryOptions): DeliveryWorker {
  const {
    outbox,
    concurrency = 5,
    leaseMs = 60_000,
    baseDelayMs = 1_000,
    maxDelayMs = 300_000,
    idlePollMs = 30_000,
    now = Date.now,
    random = Math.random,
  } = options;

  let running = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pass: Promise<void> | null = null;
  let rerun = false;
  let inFlight = 0;
  /** The queue waits until then after a transient failure (one probe per backoff step). */
  let pausedUntil = 0;
  /** Backoff steps of the whole queue since Livestorm last gave a final answer. */
  let failedSteps = 0;
  const waiters = new Set<() => void>();
  const idleWaiters = new Set<() => void>();

  function notify() {
    for (const waiter of [...waiters]) waiter();
  }

  function schedule() {
    if (!running) return;
    if (timer) clearTimeout(timer);
    const due = outbox.nextDueAt();
    const at = Math.max(due ?? Infinity, pausedUntil);
    const delay = Math.min(idlePollMs, Math.max(0, at - now()));
    timer = setTimeout(kick, delay);
    timer.unref?.();
  }

  async function deliverOne(entry: OutboxEntry) {
    if (!entry.request) {
      // Cannot happen for a pending entry; settle it rather than loop on it forever.
      outbox.settle(entry.id, { status: 'rejected', detail: 'The registration data was missing.' }, now());
      return;
    }
    const stepAtStart = failedSteps;
    try {
      const outcome = await options.deliver(entry.request);
      // After an attempt that may have landed (a crash, a timeout), "already registered" is our own earlier POST.
      const status = outcome.kind === 'already_registered' && entry.attempts > 1 ? 'registered' : outcome.kind;
      outbox.settle(
        entry.id,
        {
          status,
          joinLink: outcome.kind === 'registered' && options.keepJoinLink ? outcome.joinLink : null,
          detail: outcome.kind === 'closed' || outcome.kind === 'rejected' ? outcome.detail : null,
        },
        now(),
      );
      failedSteps = 0;
      options.onEvent?.({ type: 'settled', status, attempts: entry.attempts, waitedMs: now() - entry.createdAt });
    } catch (error) {
      const transient = options.asTransient(error);
      // Attempts started in the same step fail together: only the first of them starts a new step.
      if (failedSteps === stepAtStart) failedSteps += 1;
      // The queue backs off per step, not per entry: otherwise each waiting entry's first attempt
      // would be one more call into the outage.
      const retryAfterMs = (transient?.retryAfterSeconds ?? 0) * 1000;
      const pauseMs = Math.max(backoffDelay(failedSteps, baseDelayMs, maxDelayMs, random), retryAfterMs);
      const delayMs = Math.max(backoffDelay(entry.attempts, baseDelayMs, maxDelayMs, random), pauseMs);
      const reason = transient?.message ?? (error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error');
      outbox.retryLater(entry.id, now() + delayMs, reason);
      pausedUntil = Math.max(pausedUntil, now() + pauseMs);
      options.onEvent?.({ type: 'retry', attempts: entry.attempts, delayMs, reason, transient: transient !== null });
    }
  }

  async function runPass() {
    do {
      rerun = false;
      while (running && now() >= pausedUntil) {
        // After a failure, a single probe until Livestorm answers again.
        const claimed = outbox.claimDue(now(), failedSteps > 0 ? 1 : concurrency - inFlight, leaseMs);
        if (claimed.length === 0) break;
        inFlight += claimed.length;
        await Promise.all(
          claimed.map((entry) =>
            deliverOne(entry).finally(() => {
              inFlight -= 1;
              notify();
            }),
          ),
        );
      }
    } while (rerun && running);
  }

  function kick() {
    if (!running) return;
    if (pass) {
      rerun = true;
      return;
    }
    pass = runPass().finally(() => {
      pass = null;
      schedule();
      if (inFlight === 0) for (const resolve of [...idleWaiters]) resolve();
    });
  }

  return {
    start() {
      if (running) return;
      running = true;
      kick();
    },
    kick,
    waitForSettled(ids, timeoutMs) {
      const current = () => ids.map((id) => outbox.get(id)).filter((entry): entry is OutboxEntry => entry !== null);
      return new Promise((resolve) => {
        const check = () => {
          const entries = current();
          if (entries.every((entry) => entry.status !== 'pending') || now() < pausedUntil) finish(entries);
        };
        const finish = (entries: OutboxEntry[]) => {
          clearTimeout(deadline);
          waiters.delete(check);
          resolve(entries);
        };
        const deadline = setTimeout(() => finish(current()), timeoutMs);
        waiters.add(check);
        check();
      });
    },
    idle() {
      return new Promise((resolve) => {
        const check = () => {
          const due = outbox.nextDueAt();
          if (!pass && inFlight === 0 && (due === null || due > now() || now() < pausedUntil)) {
            idleWaiters.delete(check);
            resolve();
          }
        };
        idleWaiters.add(check);
        check();
      });
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await pass;
    },
  };
}
