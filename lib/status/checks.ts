import { LivestormError, type WebhookSubscription } from '@/lib/livestorm/public';
import { errorFields, log } from '@/lib/log';
import type { SubscriptionsCheck } from './report';

/**
 * A check whose answer is reused for `ttlMs`, so viewing the status page costs at most one
 * upstream call per window however often it is loaded. Concurrent views share one run. `run`
 * must report failures as values: a failure is cached like any answer.
 */
export function cachedCheck<T>(run: () => Promise<T>, ttlMs: number, now: () => number = Date.now): () => Promise<T> {
  let last: { value: T; at: number } | null = null;
  let inFlight: Promise<T> | null = null;
  return () => {
    if (last && now() - last.at < ttlMs) return Promise.resolve(last.value);
    inFlight ??= run()
      .then((value) => {
        last = { value, at: now() };
        return value;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
}

/** Wraps a subscriptions source so a failure (e.g. no /webhooks, no Webhooks scope) is an answer too. */
export function subscriptionsCheck(source: () => Promise<WebhookSubscription[]>, now: () => Date = () => new Date()) {
  return async (): Promise<SubscriptionsCheck> => {
    try {
      const items = await source();
      return { available: true, checkedAt: now().toISOString(), items };
    } catch (error) {
      if (!(error instanceof LivestormError)) log.warn('listing webhook subscriptions failed', errorFields(error));
      return { available: false, checkedAt: now().toISOString(), reason: error instanceof LivestormError ? error.summary : 'unexpected error' };
    }
  };
}
