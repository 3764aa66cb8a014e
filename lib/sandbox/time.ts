// Time-zone arithmetic with Intl only (no tz database dependency): enough to put seed sessions at
// correct local wall-clock times in their zone, including across DST changes.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const out: ZonedParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day' || part.type === 'hour' || part.type === 'minute' || part.type === 'second') {
      out[part.type] = Number(part.value);
    }
  }
  return out;
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (e.g. +19_800_000 for Asia/Kolkata). */
export function tzOffsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const p = zonedParts(whole, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

/**
 * UTC instant of a local wall-clock time in `timeZone`. Day/month overflow is normalised by Date.UTC,
 * so `day + n` is a safe way to move n calendar days. Times inside a DST gap resolve to some nearby
 * instant; the seed only uses daytime hours, which never fall in a gap.
 */
export function zonedTimeToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
  second = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = asUtc - tzOffsetMs(asUtc, timeZone);
  // Re-evaluate the offset at the candidate: differs from the first guess when a DST change sits in between.
  return asUtc - tzOffsetMs(first, timeZone);
}

/** Instant at local `hh:mm` on the calendar day `dayOffset` days after the local date of `nowMs`. */
export function localTimeOnDay(nowMs: number, dayOffset: number, hhmm: string, timeZone: string): number {
  const [h, m] = parseHhmm(hhmm);
  const p = zonedParts(nowMs, timeZone);
  return zonedTimeToUtc(p.year, p.month, p.day + dayOffset, h, m, timeZone);
}

/** Moves an instant by whole local calendar days, keeping its wall-clock time in `timeZone`. */
export function addLocalDays(ms: number, days: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  return zonedTimeToUtc(p.year, p.month, p.day + days, p.hour, p.minute, timeZone, p.second) + (ms % 1000);
}

function parseHhmm(hhmm: string): [number, number] {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new Error(`Bad local time ${hhmm}`);
  return [Number(match[1]), Number(match[2])];
}

/**
 * First day index d in [fromDay, toDay] where the zone's UTC offset at local noon differs from the day
 * before, i.e. a DST change happened during the night before day d. null when none in range.
 */
export function findDstChangeDay(nowMs: number, timeZone: string, fromDay: number, toDay: number): number | null {
  let previous = tzOffsetMs(localTimeOnDay(nowMs, fromDay - 1, '12:00', timeZone), timeZone);
  for (let d = fromDay; d <= toDay; d += 1) {
    const offset = tzOffsetMs(localTimeOnDay(nowMs, d, '12:00', timeZone), timeZone);
    if (offset !== previous) return d;
    previous = offset;
  }
  return null;
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Parses a filter timestamp: integer Unix seconds or ISO-8601 (date, or date-time with optional
 * zone; no zone means UTC so results never depend on the host's zone). Returns Unix seconds or null.
 */
export function parseTimestampFilter(raw: string): number | null {
  const value = raw.trim();
  if (/^\d{1,12}$/.test(value)) return Number(value);
  // An unencoded `+` in a query string decodes to a space: put the offset sign back.
  const repaired = value.replace(/(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}(?::?\d{2})?)$/, '$1+$2');
  const m = ISO_RE.exec(repaired);
  if (!m) return null;
  const [, y, mo, d, hh = '00', mi = '00', ss = '00', frac, zone] = m;
  const fraction = frac ? Number(`0.${frac}`) * 1000 : 0;
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mi), Number(ss)) + fraction;
  const check = new Date(base);
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    Number(hh) > 23 ||
    Number(mi) > 59 ||
    Number(ss) > 59
  ) {
    return null;
  }
  let offsetMs = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) return null;
    offsetMs = sign * (oh * HOUR_MS + om * MINUTE_MS);
  }
  return Math.floor((base - offsetMs) / 1000);
}

/** Whether Intl knows `zone` as an IANA time zone name. */
export function isTimeZoneName(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
