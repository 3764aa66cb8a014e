import { describe, expect, it } from 'vitest';
import { chooseRevalidateSeconds, projectMonthlyCalls, safetyNetIntervalSeconds } from '@/lib/quota';

describe('safety-net interval from the read budget', () => {
  // interval = 30 × 86,400 × 2 / (budget × 0.5), within [900, 86,400]
  it.each([
    [3_000, 3_456],
    [6_000, 1_728],
    [10_000, 1_037],
    [1_000, 10_368],
    [100_000, 900], // never faster than without webhooks
    [100, 86_400], // never slower than a day
  ])('budget %i -> %i s', (budget, seconds) => {
    expect(safetyNetIntervalSeconds(budget)).toBe(seconds);
  });

  it('keeps the safety net within half the budget', () => {
    for (const budget of [1_200, 3_000, 5_000, 9_999]) {
      const refreshes = (30 * 86_400) / safetyNetIntervalSeconds(budget);
      expect(refreshes * 2).toBeLessThanOrEqual(budget / 2);
    }
  });

  it.each([
    [{ explicitSeconds: 5, webhooksConfigured: true, monthlyReadBudget: 3_000 }, { seconds: 5, reason: 'explicit' }],
    [{ explicitSeconds: null, webhooksConfigured: false, monthlyReadBudget: 3_000 }, { seconds: 900, reason: 'no-webhooks' }],
    [{ explicitSeconds: null, webhooksConfigured: true, monthlyReadBudget: 3_000 }, { seconds: 3_456, reason: 'read-budget' }],
  ])('chooses %j -> %j', (input, choice) => {
    expect(chooseRevalidateSeconds(input)).toEqual(choice);
  });
});

describe('monthly projection', () => {
  it('adds safety-net refreshes, coalesced webhook refreshes, registrations and field labels', () => {
    expect(
      projectMonthlyCalls({
        revalidateSeconds: 3_456,
        monthlyViews: 100_000,
        webhooksPerDay: 20,
        coalesceSeconds: 5,
        monthlyRegistrations: 1_000,
        unprocessableShare: 0.05,
      }),
    ).toEqual({
      safetyNetRefreshes: 750,
      webhookRefreshes: 600,
      callsPerRefresh: 2,
      callsPerRegistration: 1.15,
      refreshCalls: 2_700,
      registrationCalls: 1_150,
      fieldLabelCalls: 30,
      total: 3_880,
    });
  });

  it('costs nothing but webhooks and registrations without views, and caps webhook refreshes by coalescing', () => {
    const quiet = projectMonthlyCalls({
      revalidateSeconds: 900,
      monthlyViews: 0,
      webhooksPerDay: 100_000,
      coalesceSeconds: 5,
      monthlyRegistrations: 0,
      unprocessableShare: 0,
    });
    expect(quiet).toMatchObject({ safetyNetRefreshes: 0, webhookRefreshes: 518_400, fieldLabelCalls: 0 });
  });
});
