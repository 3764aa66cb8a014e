import { describe, expect, it } from 'vitest';
import { countdownRefreshDelay, formatStartsIn } from '@/lib/time';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatStartsIn', () => {
  it.each([
    [-5 * MINUTE, 'Starting now'],
    [0, 'Starting now'],
    [1, 'Starts in 1 min'],
    [30 * SECOND, 'Starts in 1 min'],
    [MINUTE, 'Starts in 1 min'],
    [MINUTE + 1, 'Starts in 2 min'],
    [3 * MINUTE + 20 * SECOND, 'Starts in 4 min'],
    [59 * MINUTE, 'Starts in 59 min'],
    [HOUR, 'Starts in 1 h'],
    [2 * HOUR + 4 * MINUTE + 1, 'Starts in 2 h 5 min'],
    [DAY - MINUTE, 'Starts in 23 h 59 min'],
    [DAY - 30 * SECOND, 'Starts in 1 day'],
    [DAY, 'Starts in 1 day'],
    [DAY + 59 * MINUTE, 'Starts in 1 day'],
    [DAY + HOUR, 'Starts in 1 day 1 h'],
    [2 * DAY - MINUTE, 'Starts in 1 day 23 h'],
    [2 * DAY, 'Starts in 2 days'],
    [12 * DAY + 5 * HOUR, 'Starts in 12 days'],
  ])('%s ms ahead: %s', (ms, text) => {
    expect(formatStartsIn(ms)).toBe(text);
  });
});

describe('countdownRefreshDelay', () => {
  it('stops once the start is reached: only a new status moves on from "Starting now"', () => {
    expect(countdownRefreshDelay(0)).toBeNull();
    expect(countdownRefreshDelay(-MINUTE)).toBeNull();
  });

  it.each([
    [3 * MINUTE + 20 * SECOND, 20 * SECOND],
    [2 * MINUTE, MINUTE],
    [30 * SECOND, 30 * SECOND],
    [DAY - MINUTE, MINUTE],
    [DAY + 30 * MINUTE, 31 * MINUTE],
    [DAY + HOUR, MINUTE],
    [3 * DAY, MINUTE],
    [3 * DAY - MINUTE, DAY],
  ])('%s ms ahead: next change in %s ms', (ms, delay) => {
    expect(countdownRefreshDelay(ms)).toBe(delay);
  });

  // The defining property, over every minute of the next three days and some odd seconds: the text
  // holds until the delay has passed and changes exactly then, so ticks are never wasted or late.
  const samples = [
    ...Array.from({ length: 3 * 24 * 60 }, (_, minute) => (minute + 1) * MINUTE),
    ...Array.from({ length: 500 }, (_, i) => 1 + i * 517_003),
  ];
  it('changes the text exactly when the delay has passed, at every sampled distance', () => {
    for (const ms of samples) {
      const delay = countdownRefreshDelay(ms)!;
      expect(delay, `${ms}`).toBeGreaterThan(0);
      expect(delay, `${ms}`).toBeLessThanOrEqual(ms > 2 * DAY ? DAY : ms > DAY - MINUTE ? HOUR : MINUTE);
      expect(formatStartsIn(ms - delay + 1), `${ms}`).toBe(formatStartsIn(ms));
      expect(formatStartsIn(ms - delay), `${ms}`).not.toBe(formatStartsIn(ms));
    }
  });
});
