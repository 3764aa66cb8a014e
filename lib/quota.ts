/**
 * Quota arithmetic (docs/quota.md): pure, so the configuration, the benchmark and the
 * tests share one rule. Livestorm allows 10,000 calls per 30 days (docs/livestorm-api.md §7).
 */

export const QUOTA_PERIOD_SECONDS = 30 * 86_400;
export const LIVESTORM_MONTHLY_QUOTA = 10_000;
/** One catalog refresh: `GET /events` and `GET /sessions` (plus one per extra page of 50). */
export const CALLS_PER_REFRESH = 2;
/** With webhooks, half the read budget is kept for webhook-triggered refreshes; the rest is the safety net's. */
export const WEBHOOK_RESERVE_SHARE = 0.5;
export const DEFAULT_REVALIDATE_SECONDS = 900;
export const MAX_REVALIDATE_SECONDS = 86_400;
/** Workspace field labels are read once a day. */
export const FIELD_LABEL_CALLS_PER_MONTH = 30;
/** A 422 costs an e-mail lookup, then the session's and its event's status at most. */
export const EXTRA_CALLS_PER_UNPROCESSABLE_REGISTRATION = 3;

export type RevalidationReason = 'explicit' | 'no-webhooks' | 'read-budget';
export interface RevalidationChoice {
  seconds: number;
  reason: RevalidationReason;
}

/**
 * The time-based interval when webhooks bring changes: the safety net spends the budget's
 * unreserved share, so `interval = 30 days × calls per refresh ÷ (budget × (1 − reserve))`, never
 * shorter than the interval without webhooks and never longer than a day.
 */
export function safetyNetIntervalSeconds(monthlyReadBudget: number, callsPerRefresh = CALLS_PER_REFRESH): number {
  const safetyNetCalls = monthlyReadBudget * (1 - WEBHOOK_RESERVE_SHARE);
  const seconds = Math.ceil((QUOTA_PERIOD_SECONDS * callsPerRefresh) / safetyNetCalls);
  return Math.min(MAX_REVALIDATE_SECONDS, Math.max(DEFAULT_REVALIDATE_SECONDS, seconds));
}

/** An explicit LIVESTORM_REVALIDATE_SECONDS wins; else the budget decides with webhooks, 900 s without. */
export function chooseRevalidateSeconds(input: {
  explicitSeconds: number | null;
  webhooksConfigured: boolean;
  monthlyReadBudget: number;
}): RevalidationChoice {
  if (input.explicitSeconds !== null) return { seconds: input.explicitSeconds, reason: 'explicit' };
  if (!input.webhooksConfigured) return { seconds: DEFAULT_REVALIDATE_SECONDS, reason: 'no-webhooks' };
  return { seconds: safetyNetIntervalSeconds(input.monthlyReadBudget), reason: 'read-budget' };
}

export interface TrafficAssumptions {
  revalidateSeconds: number;
  monthlyViews: number;
  /** Deliveries a day of events that touch the catalog (session.*, event.created/published). */
  webhooksPerDay: number;
  coalesceSeconds: number;
  monthlyRegistrations: number;
  /** Share of registrations answered 422 (0 to 1). */
  unprocessableShare: number;
  callsPerRefresh?: number;
}

export interface MonthlyProjection {
  safetyNetRefreshes: number;
  webhookRefreshes: number;
  callsPerRefresh: number;
  callsPerRegistration: number;
  refreshCalls: number;
  registrationCalls: number;
  fieldLabelCalls: number;
  total: number;
}

/**
 * Calls in 30 days, at most: refreshes are triggered by page views (no more than one per interval,
 * and none without a view), webhook refreshes are coalesced to one per `coalesceSeconds`, and each
 * registration is one POST (more on a 422).
 */
export function projectMonthlyCalls(traffic: TrafficAssumptions): MonthlyProjection {
  const callsPerRefresh = traffic.callsPerRefresh ?? CALLS_PER_REFRESH;
  const safetyNetRefreshes = Math.min(traffic.monthlyViews, Math.floor(QUOTA_PERIOD_SECONDS / traffic.revalidateSeconds));
  const webhookRefreshes = Math.min(Math.round(traffic.webhooksPerDay * 30), Math.floor(QUOTA_PERIOD_SECONDS / traffic.coalesceSeconds));
  const callsPerRegistration = 1 + traffic.unprocessableShare * EXTRA_CALLS_PER_UNPROCESSABLE_REGISTRATION;
  const refreshCalls = (safetyNetRefreshes + webhookRefreshes) * callsPerRefresh;
  const registrationCalls = Math.ceil(traffic.monthlyRegistrations * callsPerRegistration);
  const fieldLabelCalls = traffic.monthlyViews > 0 ? FIELD_LABEL_CALLS_PER_MONTH : 0;
  return {
    safetyNetRefreshes,
    webhookRefreshes,
    callsPerRefresh,
    callsPerRegistration,
    refreshCalls,
    registrationCalls,
    fieldLabelCalls,
    total: refreshCalls + registrationCalls + fieldLabelCalls,
  };
}
