import { describe, expect, it } from 'vitest';
import {
  dayKey, formatDayHeading, formatDuration, formatSessionWhen, formatShareWhen, isoWithOffset, isValidDateKey, zonedTimeToInstant,
  zoneOffsetMinutes,
} from '@/lib/time';

describe('formatSessionWhen across zones', () => {
  // 2026-03-12T14:00:00Z
  const start = '2026-03-12T14:00:00.000Z';

  it.each([
    ['Europe/Paris', 'Thu, Mar 12', '3:00 – 4:00 PM', 'GMT+1'],
    ['Asia/Kolkata', 'Thu, Mar 12', '7:30 – 8:30 PM', 'GMT+5:30'],
    ['America/St_Johns', 'Thu, Mar 12', '11:30 AM – 12:30 PM', 'GMT-2:30'],
    ['America/New_York', 'Thu, Mar 12', '10:00 – 11:00 AM', 'EDT'],
    ['Australia/Adelaide', 'Fri, Mar 13', '12:30 – 1:30 AM', 'GMT+10:30'],
    ['UTC', 'Thu, Mar 12', '2:00 – 3:00 PM', 'UTC'],
  ])('%s', (zone, shortDate, time, label) => {
    const when = formatSessionWhen(start, 60, zone, 'en-US');
    expect(when.shortDate).toBe(shortDate);
    expect(when.time.replace(/[\u2009\u202f]/g, ' ')).toBe(time);
    expect(when.zone).toBe(label);
  });

  it('keeps a range that crosses midnight short, flagging the next day', () => {
    const when = formatSessionWhen('2026-12-01T14:00:00.000Z', 60, 'Asia/Tokyo', 'en-US');
    expect(when.shortDate).toBe('Tue, Dec 1');
    expect(when.time.replace(/[\u2009\u202f]/g, ' ')).toBe('11:00 PM – 12:00 AM (+1 day)');
  });

  it('shows a single time without a duration', () => {
    expect(formatSessionWhen(start, null, 'UTC', 'en-US').time.replace(/\u202f/g, ' ')).toBe('2:00 PM');
  });

  it('formats in another locale', () => {
    expect(formatSessionWhen(start, 30, 'Europe/Paris', 'fr-FR').date).toBe('jeudi 12 mars 2026');
  });
});

describe('DST', () => {
  it('New York: the same wall time is EST before and EDT after the March change', () => {
    const before = zonedTimeToInstant('2026-03-07', '09:00:00', 'America/New_York');
    const after = zonedTimeToInstant('2026-03-09', '09:00:00', 'America/New_York');
    expect(before.toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(after.toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(formatSessionWhen(after.toISOString(), 30, 'America/New_York', 'en-US').zone).toBe('EDT');
  });

  it('Adelaide switches between +10:30 and +9:30', () => {
    expect(zoneOffsetMinutes(new Date('2026-01-15T00:00:00Z'), 'Australia/Adelaide')).toBe(630);
    expect(zoneOffsetMinutes(new Date('2026-06-15T00:00:00Z'), 'Australia/Adelaide')).toBe(570);
  });

  it('a wall time skipped by the spring change resolves to a real instant', () => {
    const instant = zonedTimeToInstant('2026-03-29', '02:30:00', 'Europe/Paris');
    expect(formatSessionWhen(instant.toISOString(), null, 'Europe/Paris', 'en-US').time.replace(/\u202f/g, ' ')).toMatch(/^(1:30|3:30) AM$/);
  });
});

describe('day keys and headings', () => {
  it('puts an instant on the calendar day of the zone', () => {
    const instant = '2026-03-12T23:30:00.000Z';
    expect(dayKey(instant, 'UTC')).toBe('2026-03-12');
    expect(dayKey(instant, 'Asia/Tokyo')).toBe('2026-03-13');
    expect(dayKey(instant, 'America/Los_Angeles')).toBe('2026-03-12');
  });

  it('formats a heading for the key itself, whatever the server zone', () => {
    expect(formatDayHeading('2026-03-13', 'en-US')).toBe('Friday, March 13, 2026');
  });

  it.each([
    ['2026-02-28', true],
    ['2026-02-30', false],
    ['2026-2-3', false],
    ['tomorrow', false],
  ])('isValidDateKey(%s) = %s', (value, valid) => {
    expect(isValidDateKey(value)).toBe(valid);
  });

  it.each([
    [30, '30 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
    [null, null],
    [0, null],
  ])('formatDuration(%s) = %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});

describe('isoWithOffset', () => {
  it.each([
    ['2026-12-01T09:00:00.000Z', 'Europe/Paris', '2026-12-01T10:00:00+01:00'],
    ['2026-07-01T08:00:00.000Z', 'Europe/Paris', '2026-07-01T10:00:00+02:00'],
    ['2026-03-10T08:30:00.000Z', 'Asia/Kolkata', '2026-03-10T14:00:00+05:30'],
    ['2026-01-15T13:30:00.000Z', 'America/St_Johns', '2026-01-15T10:00:00-03:30'],
    ['2026-07-15T12:30:00.000Z', 'America/St_Johns', '2026-07-15T10:00:00-02:30'],
    ['2026-03-10T23:45:00.000Z', 'Pacific/Kiritimati', '2026-03-11T13:45:00+14:00'],
    ['2026-03-10T14:00:59.999Z', 'UTC', '2026-03-10T14:00:59+00:00'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(isoWithOffset(instant, zone)).toBe(expected);
    expect(Date.parse(expected)).toBe(Math.floor(Date.parse(instant) / 1000) * 1000);
  });
});

describe('formatShareWhen', () => {
  it.each([
    ['Europe/Paris', 'en-US', 'Tue, Dec 1, 2026 · 10:00 AM GMT+1'],
    ['America/New_York', 'en-US', 'Tue, Dec 1, 2026 · 4:00 AM EST'],
    ['Europe/Paris', 'en-GB', 'Tue, 1 Dec 2026 · 10:00 CET'],
    ['Asia/Kolkata', 'en-GB', 'Tue, 1 Dec 2026 · 14:30 GMT+5:30'],
  ])('%s in %s', (zone, locale, expected) => {
    const text = formatShareWhen('2026-12-01T09:00:00.000Z', zone, locale);
    expect(text).toBe(expected);
    expect(text).not.toMatch(/[\u2009\u202f]/);
  });
});
