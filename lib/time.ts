/**
 * Time formatting for sessions: always in an explicit IANA zone, so the server and the browser
 * produce the same text for the same zone (no hydration mismatch) and DST is Intl's job.
 */

/** The cookie the browser keeps the visitor's IANA zone in (set by components/time-zone-sync.tsx). */
export const TIME_ZONE_COOKIE = 'tz';

export interface SessionWhen {
  /** e.g. "Tuesday, March 10, 2026" */
  date: string;
  /** e.g. "Tue, Mar 10" */
  shortDate: string;
  /** e.g. "2:00 – 3:00 PM" or "2:00 PM" without a duration */
  time: string;
  /** e.g. "GMT+1", "EST", "GMT+5:30" */
  zone: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, found);
  }
  return found;
}

export function zoneLabel(instant: Date, timeZone: string, locale: string): string {
  const parts = formatter(locale, timeZone, { timeZoneName: 'short' }).formatToParts(instant);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

export function formatSessionWhen(
  startsAt: string,
  durationMinutes: number | null,
  timeZone: string,
  locale: string,
): SessionWhen {
  const start = new Date(startsAt);
  const timeOptions: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
  const times = formatter(locale, timeZone, timeOptions);
  let time = times.format(start);
  if (durationMinutes && durationMinutes > 0) {
    const end = new Date(start.getTime() + durationMinutes * 60_000);
    // formatRange prints full dates when the range crosses midnight; the date is shown already.
    time =
      dayKey(start, timeZone) === dayKey(end, timeZone)
        ? times.formatRange(start, end)
        : `${time} – ${times.format(end)} (+1 day)`;
  }
  return {
    date: formatter(locale, timeZone, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(start),
    shortDate: formatter(locale, timeZone, { weekday: 'short', month: 'short', day: 'numeric' }).format(start),
    time,
    zone: zoneLabel(start, timeZone, locale),
  };
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function dayKey(instant: Date | string, timeZone: string): string {
  const parts = formatter('en-US', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    typeof instant === 'string' ? new Date(instant) : instant,
  );
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Long heading for a day key, e.g. "Tuesday, March 10, 2026". */
export function formatDayHeading(key: string, locale: string): string {
  // Noon UTC of that date falls on the same calendar day in every zone from UTC-11 to UTC+11.
  return formatter(locale, 'UTC', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(
    new Date(`${key}T12:00:00Z`),
  );
}

/** Offset of a zone from UTC at an instant, in minutes (e.g. +330 for Asia/Kolkata). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = formatter('en-US', timeZone, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * ISO 8601 with the zone's own UTC offset at that instant, e.g. "2026-12-01T10:00:00+01:00":
 * the same instant as the UTC form, but it also says what the clock on the wall reads there.
 */
export function isoWithOffset(instant: Date | string, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const offset = zoneOffsetMinutes(date, timeZone);
  const wall = new Date(Math.floor(date.getTime() / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  const magnitude = Math.abs(offset);
  return `${wall}${offset < 0 ? '-' : '+'}${twoDigits(Math.floor(magnitude / 60))}:${twoDigits(magnitude % 60)}`;
}

/** One line for share images, e.g. "Tue, Dec 1, 2026 · 10:00 AM EST" (en-US). */
export function formatShareWhen(startsAt: string, timeZone: string, locale: string): string {
  const start = new Date(startsAt);
  const date = formatter(locale, timeZone, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }).format(start);
  const time = formatter(locale, timeZone, { hour: 'numeric', minute: '2-digit' }).format(start);
  // Plain spaces: the image font has no glyph for the narrow ones Intl puts before "AM".
  return `${date} · ${time} ${zoneLabel(start, timeZone, locale)}`.replace(/[\u2009\u202f]/g, ' ');
}

/** The instant a local wall-clock time occurs in a zone (the earlier one when DST repeats it). */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
  const naive = Date.parse(`${date}T${time}Z`);
  // Two passes settle on the right offset even when the guess crosses a DST change.
  let instant = naive - zoneOffsetMinutes(new Date(naive), timeZone) * 60_000;
  instant = naive - zoneOffsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

export function isValidDateKey(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

export function formatDuration(minutes: number | null): string | null {
  if (!minutes || minutes <= 0) return null;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

const MINUTE_MS = 60_000;
const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * 60;

/** Whole minutes left, rounded up: a countdown never says "0 min" before the start. */
function minutesLeft(msUntilStart: number): number {
  return Math.ceil(msUntilStart / MINUTE_MS);
}

/** The countdown's unit in minutes: minutes within a day, hours within two days, days beyond. */
function countdownUnit(minutes: number): number {
  if (minutes < DAY_MINUTES) return 1;
  return minutes < 2 * DAY_MINUTES ? HOUR_MINUTES : DAY_MINUTES;
}

/**
 * "Starts in 4 min", "Starts in 2 h 5 min", "Starts in 1 day 3 h", "Starts in 12 days"; "Starting
 * now" once the start is reached. Plain English with numbers only, no Intl: the server and every
 * browser produce the same string for the same instant (hydration stays quiet).
 */
export function formatStartsIn(msUntilStart: number): string {
  if (msUntilStart <= 0) return 'Starting now';
  const minutes = minutesLeft(msUntilStart);
  if (minutes < DAY_MINUTES) return `Starts in ${formatDuration(minutes)}`;
  const days = Math.floor(minutes / DAY_MINUTES);
  if (days >= 2) return `Starts in ${days} days`;
  const hours = Math.floor((minutes % DAY_MINUTES) / HOUR_MINUTES);
  return hours === 0 ? 'Starts in 1 day' : `Starts in 1 day ${hours} h`;
}

/**
 * Milliseconds until formatStartsIn's text for this start changes: a minute at most within a day,
 * an hour within two days, a day beyond (coarse ticks far from the start); null once it says
 * "Starting now", which only a new status replaces.
 */
export function countdownRefreshDelay(msUntilStart: number): number | null {
  if (msUntilStart <= 0) return null;
  const minutes = minutesLeft(msUntilStart);
  const unit = countdownUnit(minutes);
  // The text holds while the minutes left stay within the current unit, i.e. above this many.
  const lastMinuteOfText = Math.floor(minutes / unit) * unit - 1;
  return msUntilStart - lastMinuteOfText * MINUTE_MS;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** What the server renders for a session time before the browser's zone is known. */
export function serverSessionTime(
  startsAt: string,
  durationMinutes: number | null,
  sessionTimeZone: string,
  viewerTimeZone: string | null,
  locale: string,
  options: { withOriginal: boolean } = { withOriginal: true },
) {
  const zone = viewerTimeZone ?? sessionTimeZone;
  return {
    zone,
    when: formatSessionWhen(startsAt, durationMinutes, zone, locale),
    original:
      options.withOriginal && zone !== sessionTimeZone ? formatSessionWhen(startsAt, durationMinutes, sessionTimeZone, locale) : null,
  };
}
