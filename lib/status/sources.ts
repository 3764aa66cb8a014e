import 'server-only';
import { cacheStatuses } from '@/lib/cache/tagged-cache';
import { getConfig } from '@/lib/config';
import { catalogCache } from '@/lib/events/server/catalog';
import { checkToken, getLivestorm, listWebhooks, livestormCallCounts, type TokenCheck } from '@/lib/livestorm';
import { errorFields, log } from '@/lib/log';
import { processSingleton } from '@/lib/process-singleton';
import { getRegistrationRuntime } from '@/lib/registration/server/runtime';
import { webhookActivity } from '@/lib/webhooks/activity';
import { cachedCheck, subscriptionsCheck } from './checks';
import { buildStatusReport, type StatusInputs, type StatusReport, type SubscriptionsCheck } from './report';

/**
 * How often status views may call Livestorm, however many there are. Sized for a monitor polling
 * around the clock: 48 token checks + 4 listings a day is 1,560 of the 10,000 calls per 30 days
 * (at 5 and 10 minutes it would be 12,960: more than the whole quota). A restart checks at once.
 */
const TOKEN_CHECK_TTL_MS = 30 * 60_000;
/** Subscriptions change rarely (by hand or by a setup script). */
const SUBSCRIPTIONS_TTL_MS = 6 * 3_600_000;

export interface StatusChecks {
  tokenCheck: () => Promise<TokenCheck>;
  subscriptions: () => Promise<SubscriptionsCheck>;
}

/** Per process: the page and the JSON route are bundled separately and must share one window. */
function statusChecks(): StatusChecks {
  return processSingleton('status:checks', () => ({
    tokenCheck: cachedCheck(() => checkToken(getLivestorm()), TOKEN_CHECK_TTL_MS),
    subscriptions: cachedCheck(subscriptionsCheck(() => listWebhooks(getLivestorm())), SUBSCRIPTIONS_TTL_MS),
  }));
}

function outboxFigures(): StatusInputs['outbox'] {
  try {
    const { outbox } = getRegistrationRuntime();
    return { ...outbox.stats(), nextAttemptAt: outbox.nextDueAt() };
  } catch (error) {
    log.error('status: the registration outbox cannot be read', errorFields(error));
    return null;
  }
}

/** Everything the report needs; costs at most the two cached checks' calls. */
export async function getStatusReport(): Promise<StatusReport> {
  const config = getConfig();
  const checks = statusChecks();
  const [tokenCheck, subscriptions] = await Promise.all([checks.tokenCheck(), checks.subscriptions()]);
  // Creating the catalog cache loads nothing; it makes it known before the first page view.
  const catalog = catalogCache().status();
  const now = Date.now();
  return buildStatusReport(
    {
      mode: config.mode,
      apiBaseUrl: config.livestorm.baseUrl,
      revalidateSeconds: config.livestorm.revalidateSeconds,
      tokenCheck,
      quota: getLivestorm().quota(),
      calls: livestormCallCounts(now),
      catalog,
      caches: cacheStatuses(),
      subscriptions,
      webhooks: webhookActivity(),
      outbox: outboxFigures(),
    },
    now,
  );
}
