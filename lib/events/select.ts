import { dayKey, isValidDateKey, zonedTimeToInstant } from '@/lib/time';
import type { Catalog, Session, SessionWithEvent, WebinarEvent } from '@/lib/livestorm/types';

/** Pure selection of what the public pages show, against an explicit clock. */

export function isVisibleEvent(event: WebinarEvent): boolean {
  return event.published;
}

export function isLiveSession(session: Session): boolean {
  return session.status === 'live' && session.endedAt === null;
}

/** Open sessions: scheduled ahead and still "upcoming", or running right now. */
export function isOpenSession(session: Session, now: number): boolean {
  if (isLiveSession(session)) return true;
  return session.status === 'upcoming' && Date.parse(session.startsAt) > now;
}

/** Livestorm registers people to upcoming sessions only (docs/livestorm-api.md §5); a live one is shown but not offered. */
export function isRegistrableSession(session: Session, now: number): boolean {
  return session.status === 'upcoming' && Date.parse(session.startsAt) > now;
}

function byStart(a: Session, b: Session): number {
  return Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id);
}

/** Listing: open sessions of published events shown on the company page, soonest first. */
export function selectUpcoming(catalog: Catalog, now: number): SessionWithEvent[] {
  const events = new Map(catalog.events.filter((e) => isVisibleEvent(e) && e.listed).map((e) => [e.id, e]));
  return catalog.sessions
    .filter((session) => events.has(session.eventId) && isOpenSession(session, now))
    .sort(byStart)
    .map((session) => ({ session, event: events.get(session.eventId)! }));
}

/** A session anyone may add to a calendar: not a draft, of a published event; null otherwise. */
export function selectPublicSession(catalog: Catalog, sessionId: string): SessionWithEvent | null {
  const session = catalog.sessions.find((candidate) => candidate.id === sessionId && candidate.status !== 'draft');
  const event = session ? catalog.events.find((candidate) => candidate.id === session.eventId && isVisibleEvent(candidate)) : undefined;
  return session && event ? { session, event } : null;
}

export interface EventPageData {
  event: WebinarEvent;
  sessions: Session[];
  /** Cancelled sessions that were still ahead: not shown, but announced to search engines as cancelled. */
  canceledSessions: Session[];
}

/** An event page: any published event by slug, listed or not (unlisted ones are shared by link). */
export function selectEventBySlug(catalog: Catalog, slug: string, now: number): EventPageData | null {
  const event = catalog.events.find((candidate) => candidate.slug === slug && isVisibleEvent(candidate));
  if (!event) return null;
  const own = catalog.sessions.filter((s) => s.eventId === event.id).sort(byStart);
  return {
    event,
    sessions: own.filter((s) => isOpenSession(s, now)),
    canceledSessions: own.filter((s) => s.status === 'canceled' && Date.parse(s.startsAt) > now),
  };
}

export interface ListingFilters {
  q: string;
  from: string | null;
  to: string | null;
  lang: string | null;
  page: number;
}

export interface ParsedFilters {
  filters: ListingFilters;
  /** Human messages for parameters that were ignored. */
  problems: string[];
}

/** Whether anything narrows the listing (the page number does not). */
export function hasListingFilters(filters: ListingFilters): boolean {
  return Boolean(filters.q || filters.from || filters.to || filters.lang);
}

type SearchParams = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

export const PAGE_SIZE = 20;

export function parseListingFilters(params: SearchParams): ParsedFilters {
  const problems: string[] = [];
  const q = single(params.q).slice(0, 100);
  let from: string | null = single(params.from) || null;
  let to: string | null = single(params.to) || null;
  if (from && !isValidDateKey(from)) {
    problems.push(`The start date "${from.slice(0, 20)}" is not a date (use YYYY-MM-DD), so it was ignored.`);
    from = null;
  }
  if (to && !isValidDateKey(to)) {
    problems.push(`The end date "${to.slice(0, 20)}" is not a date (use YYYY-MM-DD), so it was ignored.`);
    to = null;
  }
  if (from && to && from > to) {
    problems.push('The end date is before the start date, so the dates were swapped.');
    [from, to] = [to, from];
  }
  const langRaw = single(params.lang).toLowerCase();
  let lang: string | null = null;
  if (langRaw) {
    if (/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(langRaw)) lang = langRaw;
    else problems.push('The language filter was not a language code, so it was ignored.');
  }
  const pageRaw = single(params.page);
  let page = 1;
  if (pageRaw) {
    const parsed = Number(pageRaw);
    if (Number.isInteger(parsed) && parsed >= 1 && parsed <= 10_000) page = parsed;
    else problems.push('The page number was not valid, so the first page is shown.');
  }
  return { filters: { q, from, to, lang, page }, problems };
}

/** Lower-case, accents folded: "Café" matches "cafe". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

export function filterListing(items: SessionWithEvent[], filters: ListingFilters, timeZone: string): SessionWithEvent[] {
  const terms = fold(filters.q).split(/\s+/).filter(Boolean);
  const fromInstant = filters.from ? zonedTimeToInstant(filters.from, '00:00:00', timeZone).getTime() : null;
  const toDay = filters.to;
  return items.filter(({ session, event }) => {
    if (filters.lang && event.language !== filters.lang) return false;
    const start = Date.parse(session.startsAt);
    // A running session started before "from" but is still on: keep it when it is live.
    if (fromInstant !== null && start < fromInstant && !isLiveSession(session)) return false;
    if (toDay !== null && dayKey(session.startsAt, timeZone) > toDay) return false;
    if (terms.length === 0) return true;
    const haystack = fold([event.title, event.summary, event.host?.name ?? '', session.name ?? ''].join(' '));
    return terms.every((term) => haystack.includes(term));
  });
}

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

export function paginate<T>(items: T[], page: number, size = PAGE_SIZE): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pageCount);
  return { items: items.slice((current - 1) * size, current * size), page: current, pageCount, total: items.length };
}

export interface DayGroup {
  day: string;
  items: SessionWithEvent[];
}

/** Consecutive sessions on the same calendar day in `timeZone` (input is sorted by start). */
export function groupByDay(items: SessionWithEvent[], timeZone: string): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const item of items) {
    const day = dayKey(item.session.startsAt, timeZone);
    const last = groups.at(-1);
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

export function languagesOf(items: SessionWithEvent[]): string[] {
  return [...new Set(items.map(({ event }) => event.language).filter((lang): lang is string => !!lang))].sort();
}
