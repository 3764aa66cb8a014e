/**
 * The subscribable calendar of the listing, `/calendar.ics`: the same filters as the listing, in
 * the URL, so a subscription shows what the visitor saw. Pure: the page builds links with it,
 * the route handler reads its requests with it.
 */
import { parseListingFilters, type ListingFilters } from '@/lib/events/select';
import { isTimeZone } from '@/lib/time';

export const CALENDAR_FEED_PATH = '/calendar.ics';

/** How often subscribed calendar apps should fetch the feed again. */
export const CALENDAR_FEED_REFRESH_SECONDS = 3_600;

export interface CalendarFeedQuery {
  filters: ListingFilters;
  /** The zone whose calendar days `from` and `to` mean. */
  timeZone: string;
}

/**
 * The feed's query string. `tz` is added only when dates are filtered and the visitor's days are
 * not the site's: a calendar app sends no cookie, so the URL must say which days were meant.
 */
export function calendarFeedSearch(filters: ListingFilters, timeZone: string, siteTimeZone: string): string {
  const search = new URLSearchParams();
  if (filters.q) search.set('q', filters.q);
  if (filters.from) search.set('from', filters.from);
  if (filters.to) search.set('to', filters.to);
  if (filters.lang) search.set('lang', filters.lang);
  if ((filters.from || filters.to) && timeZone !== siteTimeZone) search.set('tz', timeZone);
  const query = search.toString();
  return query ? `?${query}` : '';
}

export function calendarFeedLinks(
  siteUrl: string,
  filters: ListingFilters,
  timeZone: string,
  siteTimeZone: string,
): { subscribe: string; download: string } {
  const path = `${CALENDAR_FEED_PATH}${calendarFeedSearch(filters, timeZone, siteTimeZone)}`;
  // webcal:// is the same URL that calendar apps open as a subscription rather than a one-off import.
  return { subscribe: `webcal://${new URL(siteUrl).host}${path}`, download: path };
}

/** Reads a feed request: listing filters (the page number is ignored) and the zone of its dates. */
export function parseCalendarFeedQuery(params: URLSearchParams, siteTimeZone: string): CalendarFeedQuery {
  const record: Record<string, string[]> = {};
  for (const key of new Set(params.keys())) record[key] = params.getAll(key);
  const { filters } = parseListingFilters(record);
  const tz = params.get('tz')?.slice(0, 64) ?? '';
  return { filters: { ...filters, page: 1 }, timeZone: tz && isTimeZone(tz) ? tz : siteTimeZone };
}
