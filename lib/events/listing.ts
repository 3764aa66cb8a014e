import type { SessionWithEvent } from '@/lib/livestorm/types';
import { filterListing, groupByDay, hasListingFilters, languagesOf, paginate, PAGE_SIZE, type DayGroup, type ListingFilters, type Page } from './select';

/**
 * The listing as a page shows it: the sessions matching the filters, the requested page of them
 * grouped by day in `timeZone`, and the languages to filter by. Pure; `/`, its metadata, the list
 * embed and the calendar feed all read it (lib/pages/listing.ts).
 */
export interface ListingView {
  filters: ListingFilters;
  /** Whether anything narrows the listing (the page number does not). */
  filtered: boolean;
  matching: SessionWithEvent[];
  page: Page<SessionWithEvent>;
  groups: DayGroup[];
  /** Languages of every upcoming session, filtered or not. */
  languages: string[];
}

export function listingView(
  upcoming: SessionWithEvent[],
  filters: ListingFilters,
  timeZone: string,
  pageSize: number = PAGE_SIZE,
): ListingView {
  const matching = filterListing(upcoming, filters, timeZone);
  const page = paginate(matching, filters.page, pageSize);
  return {
    filters,
    filtered: hasListingFilters(filters),
    matching,
    page,
    groups: groupByDay(page.items, timeZone),
    languages: languagesOf(upcoming),
  };
}

/** The filters as query parameters, for links to other pages of the same listing. */
export function listingQuery(filters: ListingFilters): Record<string, string | null> {
  return { q: filters.q || null, from: filters.from, to: filters.to, lang: filters.lang };
}
