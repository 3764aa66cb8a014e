import 'server-only';
import type { Metadata } from 'next';
import { calendarFeedLinks, parseCalendarFeedQuery } from '@/lib/calendar/feed';
import { getConfig } from '@/lib/config';
import { EMBED_PATHS, embedContextParams, parseEmbedContext } from '@/lib/embed/options';
import { listingQuery, listingView } from '@/lib/events/listing';
import { PAGE_SIZE, parseListingFilters } from '@/lib/events/select';
import { getUpcomingListing, requestNow } from '@/lib/events/server/catalog';
import type { SessionWithEvent } from '@/lib/livestorm/types';
import { pageMetadata } from '@/lib/seo/metadata';
import { getViewerTimeZone, type SearchParams } from './request';

/**
 * The listing of upcoming sessions, assembled once for every place that shows it: `/` and its
 * metadata, the list embed, and the calendar feed.
 */

/** The listing in the visitor's zone once known, else the site's (days are grouped in it). */
export async function loadListing(params: SearchParams, pageSize: number = PAGE_SIZE) {
  const { filters, problems } = parseListingFilters(params);
  const [upcoming, viewerTimeZone, now] = await Promise.all([getUpcomingListing(), getViewerTimeZone(), requestNow()]);
  const groupingZone = viewerTimeZone ?? getConfig().site.timeZone;
  return { ...listingView(upcoming, filters, groupingZone, pageSize), problems, viewerTimeZone, groupingZone, now };
}

/** `limit`: sessions per page, so a sidebar can show the next three (default: the site's page size). */
function parseLimit(raw: string | string[] | undefined): number {
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(value) && value >= 1 && value <= 50 ? value : PAGE_SIZE;
}

/** `/embed/events`: the listing for other sites, its filters and options chosen in the embed's URL. */
export async function loadEmbedListing(params: SearchParams) {
  const limit = parseLimit(params.limit);
  const context = parseEmbedContext(params);
  const view = await loadListing(params, limit);
  return {
    ...view,
    context,
    locale: context.options.locale ?? getConfig().site.locale,
    basePath: EMBED_PATHS.list,
    /** Pages of the embed keep its filters, its limit and its context. */
    pageParams: {
      ...listingQuery(view.filters),
      limit: limit === PAGE_SIZE ? null : String(limit),
      ...Object.fromEntries(embedContextParams(context)),
    },
  };
}

/** `/`: the listing, and its calendar feed with the same filters. */
export async function loadListingPage(params: SearchParams) {
  const view = await loadListing(params);
  const { site } = getConfig();
  return {
    ...view,
    locale: site.locale,
    pageParams: listingQuery(view.filters),
    feed: calendarFeedLinks(site.url, view.filters, view.groupingZone, site.timeZone),
  };
}

/**
 * Canonical URLs: the unfiltered pages are the listing (`/`, then `/?page=N`, each its own
 * canonical since each shows different sessions, as Google advises for pagination). Filtered views
 * (free-text q, dates, language) are an unbounded set of near-duplicates: they point to `/` and
 * are `noindex, follow`, so crawlers still reach every event page through them but index none.
 */
export async function listingMetadata(params: SearchParams): Promise<Metadata> {
  const { filters } = parseListingFilters(params);
  const { site } = getConfig();
  const description = `Live webinars from ${site.name} you can join from anywhere: browse the upcoming sessions and save your seat.`;
  const view = listingView(await getUpcomingListing(), filters, site.timeZone);
  if (view.filtered) {
    const title = filters.q ? `Webinars matching “${filters.q}”` : 'Upcoming webinars (filtered)';
    return { ...pageMetadata({ title, description, canonicalPath: '/', site }), robots: { index: false, follow: true } };
  }
  // The page actually shown: a number past the end shows the last page, whose URL is canonical.
  const { page } = view.page;
  return pageMetadata({
    title: page > 1 ? `Upcoming webinars, page ${page}` : 'Upcoming webinars',
    description,
    canonicalPath: page > 1 ? `/?page=${page}` : '/',
    site,
  });
}

/** `/calendar.ics`: every matching session (no pages), its dates meant in the feed's own zone. */
export async function loadListingFeed(query: URLSearchParams): Promise<SessionWithEvent[]> {
  const { filters, timeZone } = parseCalendarFeedQuery(query, getConfig().site.timeZone);
  return listingView(await getUpcomingListing(), filters, timeZone).matching;
}
