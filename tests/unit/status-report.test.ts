import { describe, expect, it } from 'vitest';
import type { CacheStatus } from '@/lib/cache/tagged-cache';
import { buildStatusReport, displayUrl, formatElapsed, type StatusInputs } from '@/lib/status/report';

const NOW = Date.UTC(2026, 4, 4, 12, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (msAgo: number) => new Date(NOW - msAgo).toISOString();
const INTERVAL = 900;

function catalog(overrides: Partial<CacheStatus> = {}): CacheStatus {
  return {
    key: 'catalog-live-0123456789ab',
    tags: ['livestorm:catalog', 'livestorm:events', 'livestorm:sessions'],
    fetchedAt: at(5 * MIN),
    freshUntil: new Date(NOW + 10 * MIN).toISOString(),
    lastSuccessAt: at(5 * MIN),
    lastFailureAt: null,
    lastFailure: null,
    refreshes: 3,
    failures: 0,
    ...overrides,
  };
}

/** A healthy site; each case below changes one thing. */
function inputs(overrides: Partial<StatusInputs> = {}): StatusInputs {
  const cache = overrides.catalog ?? catalog();
  return {
    mode: 'live',
    apiBaseUrl: 'https://api.livestorm.co/v1',
    revalidateSeconds: INTERVAL,
    tokenCheck: { result: 'ok', checkedAt: at(MIN), detail: null },
    quota: { monthlyLimit: 10_000, monthlyRemaining: 9_000, observedAt: at(MIN), callsSent: 12 },
    calls: { windowDays: 30, total: 120, reads: 100, writes: 20, countingSince: at(72 * HOUR) },
    catalog: cache,
    caches: [cache],
    subscriptions: { available: true, checkedAt: at(MIN), items: [] },
    webhooks: { lastAcceptedAt: null, lastEvent: null, lastRefusedAt: null, counts: { accepted: 0, duplicate: 0, refused: 0, ignored: 0 } },
    outbox: { pending: 0, oldestPendingAt: null, nextAttemptAt: null, settled: { registered: 4, already_registered: 1, closed: 0, rejected: 0 } },
    ...overrides,
  };
}

const quota = (monthlyRemaining: number | null, monthlyLimit: number | null = 10_000) => ({
  quota: { monthlyLimit, monthlyRemaining, observedAt: monthlyRemaining === null ? null : at(MIN), callsSent: 1 },
});
const pending = (ageMs: number, count = 1) => ({
  outbox: { pending: count, oldestPendingAt: NOW - ageMs, nextAttemptAt: NOW + MIN, settled: { registered: 0, already_registered: 0, closed: 0, rejected: 0 } },
});

describe('verdict', () => {
  it.each<[string, Partial<StatusInputs>, 'ok' | 'degraded' | 'failing', string[]]>([
    ['a healthy site', {}, 'ok', []],
    ['a token refused (401)', { tokenCheck: { result: 'unauthorized', checkedAt: at(MIN), detail: 'unauthorized (HTTP 401)' } }, 'failing', ['token_refused']],
    ['a token without the scope (403)', { tokenCheck: { result: 'forbidden', checkedAt: at(MIN), detail: 'forbidden (HTTP 403)' } }, 'failing', ['token_refused']],
    ['Livestorm unreachable', { tokenCheck: { result: 'unreachable', checkedAt: at(MIN), detail: 'unavailable (HTTP 503)' } }, 'degraded', ['token_check_failed']],
    ['an unexpected ping answer', { tokenCheck: { result: 'error', checkedAt: at(MIN), detail: 'rate_limited (HTTP 429)' } }, 'degraded', ['token_check_failed']],
    ['quota not yet observed', quota(null, null), 'ok', []],
    ['quota at exactly 10%', quota(1_000), 'ok', []],
    ['quota under 10%', quota(999), 'degraded', ['quota_low']],
    ['quota used up', quota(0), 'failing', ['quota_exhausted']],
    ['nothing loaded yet and nothing failed (no view since start)', { catalog: catalog({ fetchedAt: null, freshUntil: null, lastSuccessAt: null }) }, 'ok', []],
    [
      'no event data and the refresh failed',
      { catalog: catalog({ fetchedAt: null, freshUntil: null, lastSuccessAt: null, lastFailureAt: at(MIN), lastFailure: 'Livestorm unavailable: /events (HTTP 503)' }) },
      'failing',
      ['no_event_data'],
    ],
    ['old data on a quiet site (no failure)', { catalog: catalog({ fetchedAt: at(10 * HOUR), lastSuccessAt: at(10 * HOUR), freshUntil: at(10 * HOUR - 15 * MIN) }) }, 'ok', []],
    [
      'a failed refresh, data still under 3 intervals old',
      { catalog: catalog({ fetchedAt: at(40 * MIN), lastSuccessAt: at(40 * MIN), lastFailureAt: at(MIN), lastFailure: 'x' }) },
      'ok',
      [],
    ],
    [
      'refreshes failing and data over 3 intervals old',
      { catalog: catalog({ fetchedAt: at(46 * MIN), lastSuccessAt: at(46 * MIN), lastFailureAt: at(MIN), lastFailure: 'x' }) },
      'degraded',
      ['sync_stale'],
    ],
    [
      'an old failure followed by a success',
      { catalog: catalog({ fetchedAt: at(50 * MIN), lastSuccessAt: at(50 * MIN), lastFailureAt: at(60 * MIN), lastFailure: 'x' }) },
      'ok',
      [],
    ],
    [
      'a copy from disk after a restart, refresh failing',
      { catalog: catalog({ fetchedAt: at(2 * HOUR), lastSuccessAt: null, lastFailureAt: at(MIN), lastFailure: 'x' }) },
      'degraded',
      ['sync_stale'],
    ],
    ['a registration waiting 10 min', pending(10 * MIN), 'ok', []],
    ['a registration waiting 20 min', pending(20 * MIN), 'degraded', ['outbox_waiting']],
    ['a registration waiting over an hour', pending(61 * MIN, 3), 'failing', ['outbox_waiting']],
    ['an unreadable outbox', { outbox: null }, 'failing', ['outbox_unavailable']],
    ['webhook subscriptions unavailable (informational)', { subscriptions: { available: false, checkedAt: at(MIN), reason: 'not_found (HTTP 404)' } }, 'ok', []],
    [
      'several problems: failing ones listed first',
      { ...quota(500), tokenCheck: { result: 'unauthorized', checkedAt: at(MIN), detail: null }, ...pending(2 * HOUR) },
      'failing',
      ['token_refused', 'outbox_waiting', 'quota_low'],
    ],
  ])('%s → %s', (_, overrides, status, codes) => {
    const report = buildStatusReport(inputs(overrides), NOW);
    expect(report.status).toBe(status);
    expect(report.reasons.map((reason) => reason.code)).toEqual(codes);
  });
});

describe('buildStatusReport', () => {
  it('reports figures with ages and no token', () => {
    const report = buildStatusReport(
      inputs({ apiBaseUrl: 'http://127.0.0.1:4010/v1', ...pending(20 * MIN, 2) }),
      NOW,
    );
    expect(report.api).toEqual({ host: '127.0.0.1:4010' });
    expect(report.quota).toEqual({ monthlyLimit: 10_000, monthlyRemaining: 9_000, remainingPercent: 90, observedAt: at(MIN), callsSinceStart: 12 });
    expect(report.sync).toMatchObject({ lastSuccessAt: at(5 * MIN), ageSeconds: 300, intervalSeconds: INTERVAL });
    expect(report.caches[0]).toMatchObject({ ageSeconds: 300, fresh: true });
    expect(report.outbox).toEqual({
      available: true,
      depth: 2,
      oldestPendingAt: at(20 * MIN),
      oldestAgeSeconds: 1200,
      nextAttemptAt: new Date(NOW + MIN).toISOString(),
      settled: { registered: 0, already_registered: 0, closed: 0, rejected: 0 },
    });
    expect(report.generatedAt).toBe(new Date(NOW).toISOString());
  });

  it('shows no next attempt for an empty outbox and "not observed" quota as nulls', () => {
    const report = buildStatusReport(inputs({ ...quota(null, null), outbox: { pending: 0, oldestPendingAt: null, nextAttemptAt: NOW, settled: { registered: 0, already_registered: 0, closed: 0, rejected: 0 } } }), NOW);
    expect(report.outbox).toMatchObject({ depth: 0, oldestPendingAt: null, oldestAgeSeconds: null, nextAttemptAt: null });
    expect(report.quota).toMatchObject({ monthlyLimit: null, monthlyRemaining: null, remainingPercent: null, observedAt: null });
  });

  it('marks a cache past its fresh-until as stale', () => {
    const stale = catalog({ freshUntil: at(MIN) });
    expect(buildStatusReport(inputs({ catalog: stale, caches: [stale] }), NOW).caches[0]!.fresh).toBe(false);
  });

  it('keeps only the origin and path of webhook subscription URLs', () => {
    const report = buildStatusReport(
      inputs({
        subscriptions: {
          available: true,
          checkedAt: at(MIN),
          items: [{ id: 'w1', event: 'session.started', url: 'https://user:pw@hooks.example.com/livestorm?token=s3cret#x', createdAt: null }],
        },
      }),
      NOW,
    );
    expect(report.webhooks.subscriptions).toMatchObject({ available: true, items: [{ url: 'https://hooks.example.com/livestorm' }] });
    expect(JSON.stringify(report)).not.toContain('s3cret');
  });

  it.each([
    ['https://example.com/a?b=c', 'https://example.com/a'],
    ['not a url', '(not a URL)'],
  ])('displayUrl(%s) = %s', (url, shown) => {
    expect(displayUrl(url)).toBe(shown);
  });

  it.each([
    [45, '45 s'],
    [600, '10 min'],
    [3 * 3600, '3 h'],
    [3 * 86_400, '3 d'],
  ])('formatElapsed(%i) = %s', (seconds, text) => {
    expect(formatElapsed(seconds)).toBe(text);
  });
});
