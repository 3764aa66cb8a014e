import 'server-only';
import { getConfig } from '@/lib/config';
import { errorFields, log } from '@/lib/log';
import { processSingleton } from '@/lib/process-singleton';
import { callCounterFile, createCallCounter, type CallCounter } from './call-counter';
import type { CallCounts, LivestormClient } from './public';
import { clientFromConfig } from './from-config';

/**
 * The site's entry to Livestorm (server only: the token never reaches a browser bundle). Callers
 * import this folder through its entries only, and ESLint says so: `@/lib/livestorm` here,
 * `@/lib/livestorm/public` for the operators' CLIs, `@/lib/livestorm/types` for the browser.
 */
export * from './public';

/** null: the record could not be opened (logged once); calls still go out. */
function callCounter(): CallCounter | null {
  return processSingleton('livestorm:call-counter', () => {
    try {
      return createCallCounter(callCounterFile(getConfig().dataDir));
    } catch (error) {
      log.warn('could not open the record of Livestorm calls; they are not counted', errorFields(error));
      return null;
    }
  });
}

/** One client per process, so the rate limiter and quota figures are shared by every caller. */
export function getLivestorm(): LivestormClient {
  return processSingleton('livestorm:client', () =>
    clientFromConfig(getConfig(), {
      onRequestSent: ({ method }) => callCounter()?.record(method === 'GET' ? 'read' : 'write', Date.now()),
    }),
  );
}

/** Calls this site sent over the last 30 days (all processes sharing DATA_DIR), or null when not recorded. */
export function livestormCallCounts(now = Date.now()): CallCounts | null {
  return callCounter()?.counts(now) ?? null;
}
