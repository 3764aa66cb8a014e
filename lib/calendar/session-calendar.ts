/**
 * Add-to-calendar for webinar sessions: an iCalendar document and Google/Outlook links.
 * Pure (no `server-only`): unit tests import it, and a client component may build the links.
 * Only public event data goes in; never anything about a registrant.
 */
import ical, { escape, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Session, WebinarEvent } from '@/lib/livestorm/types';
import { absoluteUrl, eventPath } from '@/lib/events/urls';
import { dayKey, isTimeZone } from '@/lib/time';

/** Used when Livestorm has no duration for the event, so the entry still blocks time. */
export const DEFAULT_DURATION_MINUTES = 60;

export interface CalendarItem {
  event: WebinarEvent;
  session: Session;
}

export interface CalendarOptions {
  siteUrl: string;
  siteName: string;
  /** Only for subscribable feeds: Outlook opens a file with X-WR-CALNAME as a separate calendar. */
  calendarName?: string;
  /** Only for subscribable feeds: how often clients should fetch it again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshIntervalSeconds?: number;
}

export interface CalendarLinkInput extends CalendarItem {
  siteUrl: string;
}

/** Control characters other than tab and line breaks are not allowed in iCalendar TEXT (RFC 5545 §3.3.11). */
function plain(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

function eventPageUrl(siteUrl: string, event: WebinarEvent): string {
  return absoluteUrl(siteUrl, eventPath(event.slug));
}

/** The event's title, with the session's own name when it has one. */
export function sessionTitle({ event, session }: CalendarItem): string {
  return session.name ? `${event.title} (${session.name})` : event.title;
}

function sessionDetails(event: WebinarEvent, pageUrl: string): string {
  return event.summary ? `${event.summary}\n\n${pageUrl}` : pageUrl;
}

export function sessionInterval({ event, session }: CalendarItem): { start: Date; end: Date } {
  const start = new Date(session.startsAt);
  const duration =
    event.durationMinutes !== null && Number.isFinite(event.durationMinutes) && event.durationMinutes > 0
      ? event.durationMinutes
      : DEFAULT_DURATION_MINUTES;
  return { start, end: new Date(start.getTime() + duration * 60_000) };
}

/**
 * DTSTAMP from the data itself, never the clock, so a download is byte-identical until something
 * changes: the latest of the event's update and the cancellation, else the start.
 */
function stampOf({ event, session }: CalendarItem): Date {
  const times = [event.updatedAt, session.canceledAt]
    .map((value) => (value ? Date.parse(value) : Number.NaN))
    .filter((time) => Number.isFinite(time));
  return new Date(times.length > 0 ? Math.max(...times) : Date.parse(session.startsAt));
}

function byStart(a: CalendarItem, b: CalendarItem): number {
  return Date.parse(a.session.startsAt) - Date.parse(b.session.startsAt) || a.session.id.localeCompare(b.session.id);
}

export function buildCalendar(items: readonly CalendarItem[], options: CalendarOptions): string {
  const host = new URL(options.siteUrl).host;
  const calendar = ical({
    // "//" separates the fields of the PRODID identifier, so the name must not contain one.
    prodId: { company: plain(options.siteName).replace(/\/{2,}/g, '/') || host, product: 'Webinars', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  // ical-generator writes NAME and X-WR-CALNAME unescaped (v10), unlike event properties.
  if (options.calendarName) calendar.name(escape(plain(options.calendarName), false));
  if (options.refreshIntervalSeconds) calendar.ttl(options.refreshIntervalSeconds);

  const seen = new Set<string>();
  // Sorted and de-duplicated so a feed's bytes do not depend on the catalog's order.
  for (const item of [...items].sort(byStart)) {
    const { event, session } = item;
    if (seen.has(session.id)) continue;
    seen.add(session.id);
    const pageUrl = eventPageUrl(options.siteUrl, event);
    const { start, end } = sessionInterval(item);
    const canceled = session.status === 'canceled';
    calendar.createEvent({
      // UID is written unescaped too; Livestorm ids are opaque strings.
      id: escape(plain(`${session.id}@${host}`), false),
      // A cancellation is a revision: a higher SEQUENCE makes clients replace the copy they hold.
      sequence: canceled ? 1 : 0,
      stamp: stampOf(item),
      // No timezone: ical-generator then writes UTC instants (…Z), which every client converts.
      start,
      end,
      summary: plain(sessionTitle(item)),
      description: plain(sessionDetails(event, pageUrl)),
      location: pageUrl,
      url: pageUrl,
      status: canceled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** e.g. 20260310T140000Z */
function compactUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** e.g. 2026-03-10T14:00:00Z */
function isoUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** encodeURIComponent rather than URLSearchParams: Outlook shows a "+" literally instead of a space. */
function query(params: Array<[string, string]>): string {
  return params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
}

export function googleCalendarUrl({ event, session, siteUrl }: CalendarLinkInput): string {
  const pageUrl = eventPageUrl(siteUrl, event);
  const { start, end } = sessionInterval({ event, session });
  return `https://calendar.google.com/calendar/render?${query([
    ['action', 'TEMPLATE'],
    ['text', sessionTitle({ event, session })],
    ['dates', `${compactUtc(start)}/${compactUtc(end)}`],
    ['details', sessionDetails(event, pageUrl)],
    ['location', pageUrl],
  ])}`;
}

export function outlookCalendarUrl({ event, session, siteUrl }: CalendarLinkInput): string {
  const pageUrl = eventPageUrl(siteUrl, event);
  const { start, end } = sessionInterval({ event, session });
  return `https://outlook.office.com/calendar/0/deeplink/compose?${query([
    ['path', '/calendar/action/compose'],
    ['rru', 'addevent'],
    ['subject', sessionTitle({ event, session })],
    ['startdt', isoUtc(start)],
    ['enddt', isoUtc(end)],
    ['body', sessionDetails(event, pageUrl)],
    ['location', pageUrl],
  ])}`;
}

/** e.g. "cafe-analytics-2026-03-10.ics": ASCII only, so it needs no RFC 5987 filename* in the header. */
export function calendarFileName(event: WebinarEvent, session: Session): string {
  const base =
    event.slug
      .normalize('NFKD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'webinar';
  // The session's local day, as its own page shows it; UTC if Livestorm sent an unknown zone.
  const day = dayKey(session.startsAt, isTimeZone(session.timeZone) ? session.timeZone : 'UTC');
  return `${base}-${day}.ics`;
}
