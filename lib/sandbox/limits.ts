import { errorBody, type Reply } from './jsonapi';
import type { StateStore } from './state';
import { DAY_MS } from './time';

// Rate limits of docs/livestorm-api.md §7 (a per-second interval and a monthly quota, both in
// RateLimit-* headers), the counters tests read (GET /__sandbox/stats) and the simulated outage.

export interface SandboxStats {
  requests: number;
  byRoute: Record<string, number>;
  /** Requests refused with 429 for exceeding the per-second limit. */
  throttled: number;
  /** Most API requests that arrived within any 1,000 ms (sliding window over recent arrivals). */
  peakPerSecond: number;
}

/** The largest number of timestamps (sorted ascending) falling within any `windowMs` span. */
export function peakInWindow(times: readonly number[], windowMs: number): number {
  let peak = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while (times[end]! - times[start]! >= windowMs) start += 1;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

/** A simulated outage: the next `remaining` API calls fail with `status` (null = until cleared). */
export type Outage = { status: number; remaining: number | null };

const MAX_ARRIVALS = 5_000;
/** 30-day quota window, counted from the first call of the period (per the rate-limit docs). */
const QUOTA_PERIOD_MS = 30 * DAY_MS;

export interface LimitOptions {
  requestsPerSecond: number;
  monthlyQuota: number;
}

export class Limits {
  private counts = { requests: 0, byRoute: {} as Record<string, number>, throttled: 0 };
  private arrivals: number[] = [];
  private interval = { second: -1, count: 0 };
  private outage: Outage | null = null;

  /** The quota counter lives in the state (it survives restarts); the rest is per process. */
  constructor(
    private readonly options: LimitOptions,
    private readonly store: StateStore,
  ) {}

  /** Counts an API call under its route name (`GET /events/:id`), refused or not. */
  record(routeKey: string, nowMs: number): void {
    this.counts.requests += 1;
    this.counts.byRoute[routeKey] = (this.counts.byRoute[routeKey] ?? 0) + 1;
    this.arrivals.push(nowMs);
    if (this.arrivals.length > MAX_ARRIVALS) this.arrivals.splice(0, this.arrivals.length - MAX_ARRIVALS);
  }

  /** `sinceMs` limits the peak to arrivals from then on (a test's own time window). */
  stats(sinceMs: number): SandboxStats {
    return {
      requests: this.counts.requests,
      byRoute: { ...this.counts.byRoute },
      throttled: this.counts.throttled,
      peakPerSecond: peakInWindow(sinceMs > 0 ? this.arrivals.filter((t) => t >= sinceMs) : this.arrivals, 1000),
    };
  }

  setOutage(outage: Outage | null): void {
    this.outage = outage;
  }

  /** The status this call fails with while an outage is on (counting it down), else null. */
  takeOutage(): number | null {
    if (!this.outage) return null;
    const { status } = this.outage;
    if (this.outage.remaining !== null) {
      this.outage.remaining -= 1;
      if (this.outage.remaining <= 0) this.outage = null;
    }
    return status;
  }

  reset(): void {
    this.counts = { requests: 0, byRoute: {}, throttled: 0 };
    this.arrivals = [];
    this.interval = { second: -1, count: 0 };
    this.outage = null;
  }

  private quotaView(nowMs: number): { used: number; periodStart: number | null } {
    const q = this.store.state.quota;
    if (q.periodStart === null || nowMs >= q.periodStart + QUOTA_PERIOD_MS) return { used: 0, periodStart: null };
    return { used: q.used, periodStart: q.periodStart };
  }

  /** RateLimit-* headers, on every /v1 answer. */
  headers(nowMs: number): Record<string, string> {
    const { monthlyQuota, requestsPerSecond } = this.options;
    const second = Math.floor(nowMs / 1000);
    const used = this.interval.second === second ? this.interval.count : 0;
    return {
      'RateLimit-Monthly-Limit': String(monthlyQuota),
      'RateLimit-Monthly-Remaining': String(Math.max(0, monthlyQuota - this.quotaView(nowMs).used)),
      'RateLimit-Interval-Limit': String(requestsPerSecond),
      'RateLimit-Interval-Remaining': String(Math.max(0, requestsPerSecond - used)),
    };
  }

  /** Returns a 429 reply, or null after consuming one call from both budgets. */
  consume(nowMs: number): Reply | null {
    const { monthlyQuota, requestsPerSecond } = this.options;
    const quota = this.quotaView(nowMs);
    if (quota.periodStart !== null && quota.used >= monthlyQuota) {
      const reset = Math.ceil((quota.periodStart + QUOTA_PERIOD_MS) / 1000);
      return {
        status: 429,
        body: errorBody(429, `Monthly quota of ${monthlyQuota} API calls reached; it resets at ${reset} (Unix time)`),
        headers: { 'Retry-After': String(Math.max(1, reset - Math.floor(nowMs / 1000))), 'RateLimit-Reset': String(reset) },
      };
    }
    const second = Math.floor(nowMs / 1000);
    if (this.interval.second !== second) this.interval = { second, count: 0 };
    if (this.interval.count >= requestsPerSecond) {
      this.counts.throttled += 1;
      return {
        status: 429,
        body: errorBody(429, `Rate limit exceeded: at most ${requestsPerSecond} requests per second`),
        headers: { 'Retry-After': '1' },
      };
    }
    this.interval.count += 1;
    const { state } = this.store;
    if (quota.periodStart === null) state.quota = { periodStart: nowMs, used: 1 };
    else state.quota.used += 1;
    this.store.persistCounterSoon();
    return null;
  }
}
