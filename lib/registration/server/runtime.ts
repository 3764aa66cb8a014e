import { getConfig } from '@/lib/config';
import { getLivestorm, LivestormError, registerPerson } from '@/lib/livestorm';
import { log } from '@/lib/log';
import { processSingleton } from '@/lib/process-singleton';
import { createDeliveryWorker, type DeliveryWorker, type TransientFailure } from './delivery';
import { createOutbox, outboxFile, type Outbox } from './outbox';

/** The process's outbox and its delivery worker, started at boot so nothing queued waits for a visitor. */
export interface RegistrationRuntime {
  outbox: Outbox;
  worker: DeliveryWorker;
}

const PURGE_EVERY_MS = 10 * 60_000;

export function asTransient(error: unknown): TransientFailure | null {
  if (!(error instanceof LivestormError)) return null;
  // Everything Livestorm might later accept: throttling, outages, quota, a token an operator will fix.
  return {
    message: error.summary,
    retryAfterSeconds: error.retryAfter,
  };
}

export function getRegistrationRuntime(): RegistrationRuntime {
  return processSingleton('registration:runtime', () => {
    const config = getConfig();
    const outbox = createOutbox(outboxFile(config.dataDir));
    const worker = createDeliveryWorker({
      outbox,
      // registerPerson already redacts addresses and links from Livestorm's wording.
      deliver: (request) => registerPerson(getLivestorm(), request),
      asTransient,
      keepJoinLink: config.registration.showJoinLink,
      concurrency: config.livestorm.maxRequestsPerSecond,
      onEvent: (event) => {
        if (event.type === 'settled') {
          log.info('registration settled', { status: event.status, attempts: event.attempts, waitedMs: event.waitedMs });
        } else {
          (event.transient ? log.warn : log.error)('registration delivery will be retried', {
            attempts: event.attempts,
            delayMs: event.delayMs,
            reason: event.reason,
          });
        }
      },
    });
    const purge = setInterval(() => outbox.purge(Date.now()), PURGE_EVERY_MS);
    purge.unref();
    outbox.purge(Date.now());
    worker.start();
    const stats = outbox.stats();
    if (stats.pending > 0) {
      log.info('registration outbox has entries to deliver', {
        pending: stats.pending,
        oldestPendingAt: stats.oldestPendingAt === null ? null : new Date(stats.oldestPendingAt).toISOString(),
      });
    }
    return { outbox, worker };
  });
}
