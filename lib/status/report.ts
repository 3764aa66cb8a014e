import type { CacheStatus } from '@/lib/cache/tagged-cache';
import type { CallCounts, QuotaSnapshot, TokenCheck, WebhookSubscription } from '@/lib/livestorm/types';
import type { OutboxStats } from '@/lib/registration/server/outbox';
import type { WebhookActivity } from '@/lib/webhooks/activity';

/**
 * The operators' status report: a pure function of what the process knows and the clock, shared
 * by `/status` and `/status.json`. Nothing personal goes in: counts, times, kinds and our own
 * configuration, never the API token.
 */

export type Verdict = 'ok' | 'degraded' | 'failing';

export type SubscriptionsCheck =
  | { available: true; checkedAt: string; items: WebhookSubscription[] }
  | { available: false; checkedAt: string; reason: string };

export interface StatusInputs {
  mode: 'sandbox' | 'live';
  apiBaseUrl: string;
  revalidateSeconds: number;
  tokenCheck: TokenCheck;
  quota: QuotaSnapshot;
  /** null: the record of calls could not be opened. */
  calls: CallCounts | null;
  /** The cache the public pages read (its last success is the last sync). */
  catalog: CacheStatus;
  caches: CacheStatus[];
  subscriptions: SubscriptionsCheck;
  webhooks: WebhookActivity;
  /** null: the outbox could not be read. */
  outbox: (OutboxStats & { nextAttemptAt: number | null }) | null;
}

/** The verdict's rules, in one place (docs/operations.md, "Status page", lists them). */
export const THRESHOLDS = {
  /** Event data this many refresh intervals old while refreshes fail: degraded. */
  staleSyncIntervals: 3,
  /** Monthly quota below this share of the limit: degraded (0 left: failing). */
  lowQuotaRatio: 0.1,
  /** A registration waiting in the outbox longer than this: degraded ... */
  outboxDegradedSeconds: 15 * 60,
  /** ... and longer than this: failing (as `npm run outbox` exits 2). */
  outboxFailingSeconds: 60 * 60,
} as const;

export type ReasonCode =
  | 'token_refused'
  | 'token_check_failed'
  | 'quota_exhausted'
  | 'quota_low'
  | 'no_event_data'
  | 'sync_stale'
  | 'outbox_unavailable'
  | 'outbox_waiting';

export interface StatusReason {
  level: Exclude<Verdict, 'ok'>;
  code: ReasonCode;
  message: string;
}

export interface CacheReport {
  key: string;
  tags: string[];
  fetchedAt: string | null;
  ageSeconds: number | null;
  freshUntil: string | null;
  fresh: boolean;
  lastFailureAt: string | null;
  lastFailure: string | null;
  refreshes: number;
  failures: number;
}

export interface StatusReport {
  status: Verdict;
  /** Why the status is not ok, failing ones first; empty when ok. */
  reasons: StatusReason[];
  generatedAt: string;
  mode: 'sandbox' | 'live';
  api: { host: string };
  tokenCheck: TokenCheck;
  quota: {
    /** null until a Livestorm answer carried the RateLimit-Monthly-* headers. */
    monthlyLimit: number | null;
    monthlyRemaining: number | null;
    remainingPercent: number | null;
    observedAt: string | null;
    /** Calls this process sent since it started. */
    callsSinceStart: number;
  };
  calls: CallCounts | null;
  sync: {
    lastSuccessAt: string | null;
    ageSeconds: number | null;
    intervalSeconds: number;
    lastFailureAt: string | null;
    lastFailure: string | null;
  };
  caches: CacheReport[];
  webhooks: {
    subscriptions: SubscriptionsCheck;
    lastReceivedAt: string | null;
    lastEvent: string | null;
    lastRefusedAt: string | null;
    counts: WebhookActivity['counts'];
  };
  outbox:
    | {
        available: true;
        depth: number;
        oldestPendingAt: string | null;
        oldestAgeSeconds: number | null;
        nextAttemptAt: string | null;
        settled: OutboxStats['settled'];
      }
    | { available: false };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function secondsSince(time: string | number | null, now: number): number | null {
  if (time === null) return null;
  const ms = typeof time === 'number' ? time : Date.parse(time);
  return Number.isNaN(ms) ? null : Math.max(0, Math.floor((now - ms) / 1000));
}

/** A readable duration for messages: 45 s, 12 min, 3 h, 2 d. */
export function formatElapsed(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}

function apiHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'unknown';
  }
}

/**
 * Origin and path only: a subscription URL may carry a secret in its query (or user info), and
 * the JSON form of this report ends up in monitoring systems.
 */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

function tokenReasons({ result, detail }: TokenCheck): StatusReason[] {
  if (result === 'unauthorized' || result === 'forbidden') {
    return [{ level: 'failing', code: 'token_refused', message: `Livestorm refused the API token (${result}): reads and registrations fail.` }];
  }
  if (result === 'unreachable' || result === 'error') {
    return [{ level: 'degraded', code: 'token_check_failed', message: `The token check did not get through (${detail ?? result}).` }];
  }
  return [];
}

function quotaReasons({ monthlyLimit, monthlyRemaining }: QuotaSnapshot): StatusReason[] {
  if (monthlyRemaining === null) return [];
  if (monthlyRemaining <= 0) {
    return [{ level: 'failing', code: 'quota_exhausted', message: 'The monthly Livestorm quota is used up: no call goes through until it resets.' }];
  }
  if (monthlyLimit !== null && monthlyLimit > 0 && monthlyRemaining / monthlyLimit < THRESHOLDS.lowQuotaRatio) {
    return [
      {
        level: 'degraded',
        code: 'quota_low',
        message: `Only ${monthlyRemaining} of ${monthlyLimit} monthly Livestorm calls are left (under ${THRESHOLDS.lowQuotaRatio * 100}%).`,
      },
    ];
  }
  return [];
}

function syncReasons(catalog: CacheStatus, revalidateSeconds: number, now: number): StatusReason[] {
  if (catalog.lastFailureAt === null) return [];
  if (catalog.fetchedAt === null) {
    return [{ level: 'failing', code: 'no_event_data', message: 'No event data to show: loading it from Livestorm failed.' }];
  }
  // Age alone is no fault: refreshes follow page views, and a quiet site keeps old data on purpose.
  const lastSuccess = Date.parse(catalog.lastSuccessAt ?? catalog.fetchedAt);
  const failingSince = Date.parse(catalog.lastFailureAt) > lastSuccess;
  const age = secondsSince(catalog.fetchedAt, now) ?? 0;
  if (failingSince && age > THRESHOLDS.staleSyncIntervals * revalidateSeconds) {
    return [
      {
        level: 'degraded',
        code: 'sync_stale',
        message: `Event data is ${formatElapsed(age)} old and refreshing it fails (over ${THRESHOLDS.staleSyncIntervals} × ${formatElapsed(revalidateSeconds)}).`,
      },
    ];
  }
  return [];
}

function outboxReasons(outbox: StatusInputs['outbox'], now: number): StatusReason[] {
  if (outbox === null) {
    return [{ level: 'failing', code: 'outbox_unavailable', message: 'The registration outbox cannot be read: registrations cannot be taken.' }];
  }
  const age = secondsSince(outbox.oldestPendingAt, now);
  if (age === null || age <= THRESHOLDS.outboxDegradedSeconds) return [];
  return [
    {
      level: age > THRESHOLDS.outboxFailingSeconds ? 'failing' : 'degraded',
      code: 'outbox_waiting',
      message: `A registration has waited ${formatElapsed(age)} to reach Livestorm (${outbox.pending} waiting).`,
    },
  ];
}

export function verdictOf(reasons: readonly StatusReason[]): Verdict {
  if (reasons.some((reason) => reason.level === 'failing')) return 'failing';
  return reasons.length > 0 ? 'degraded' : 'ok';
}

function cacheReport(status: CacheStatus, now: number): CacheReport {
  return {
    key: status.key,
    tags: [...status.tags],
    fetchedAt: status.fetchedAt,
    ageSeconds: secondsSince(status.fetchedAt, now),
    freshUntil: status.freshUntil,
    fresh: status.freshUntil !== null && Date.parse(status.freshUntil) > now,
    lastFailureAt: status.lastFailureAt,
    lastFailure: status.lastFailure,
    refreshes: status.refreshes,
    failures: status.failures,
  };
}

export function buildStatusReport(inputs: StatusInputs, now: number): StatusReport {
  const { quota, catalog, outbox, webhooks, subscriptions } = inputs;
  const reasons = [
    ...tokenReasons(inputs.tokenCheck),
    ...quotaReasons(quota),
    ...syncReasons(catalog, inputs.revalidateSeconds, now),
    ...outboxReasons(outbox, now),
  ].sort((a, b) => (a.level === b.level ? 0 : a.level === 'failing' ? -1 : 1));

  return {
    status: verdictOf(reasons),
    reasons,
    generatedAt: new Date(now).toISOString(),
    mode: inputs.mode,
    api: { host: apiHost(inputs.apiBaseUrl) },
    tokenCheck: inputs.tokenCheck,
    quota: {
      monthlyLimit: quota.monthlyLimit,
      monthlyRemaining: quota.monthlyRemaining,
      // Rounded down: 100% only while nothing is used.
      remainingPercent:
        quota.monthlyLimit !== null && quota.monthlyRemaining !== null && quota.monthlyLimit > 0
          ? Math.floor((quota.monthlyRemaining / quota.monthlyLimit) * 1000) / 10
          : null,
      observedAt: quota.observedAt,
      callsSinceStart: quota.callsSent,
    },
    calls: inputs.calls,
    sync: {
      lastSuccessAt: catalog.fetchedAt,
      ageSeconds: secondsSince(catalog.fetchedAt, now),
      intervalSeconds: inputs.revalidateSeconds,
      lastFailureAt: catalog.lastFailureAt,
      lastFailure: catalog.lastFailure,
    },
    caches: inputs.caches.map((status) => cacheReport(status, now)),
    webhooks: {
      subscriptions: subscriptions.available
        ? { ...subscriptions, items: subscriptions.items.map((item) => ({ ...item, url: displayUrl(item.url) })) }
        : subscriptions,
      lastReceivedAt: webhooks.lastAcceptedAt,
      lastEvent: webhooks.lastEvent,
      lastRefusedAt: webhooks.lastRefusedAt,
      counts: { ...webhooks.counts },
    },
    outbox:
      outbox === null
        ? { available: false }
        : {
            available: true,
            depth: outbox.pending,
            oldestPendingAt: iso(outbox.oldestPendingAt),
            oldestAgeSeconds: secondsSince(outbox.oldestPendingAt, now),
            nextAttemptAt: outbox.pending === 0 ? null : iso(outbox.nextAttemptAt),
            settled: { ...outbox.settled },
          },
  };
}
