import type { Metadata } from 'next';
import { ProblemsNotice } from '@/components/problems-notice';
import Link from 'next/link';
import { CalendarSubscribe } from '@/components/calendar-subscribe';
import { LiveStatusScope } from '@/components/live-status/live-status-scope';
import { Pagination } from '@/components/pagination';
import { ListingFiltersForm } from '@/components/listing-filters';
import { SessionDayGroups } from '@/components/session-day-groups';
import { TimeZoneSync } from '@/components/time-zone-sync';
import { calendarFeedLinks } from '@/lib/calendar/feed';
import { getConfig } from '@/lib/config';
import { getUpcomingListing, getViewerTimeZone, requestNow } from '@/lib/events/catalog';
import { filterListing, groupByDay, hasListingFilters, languagesOf, paginate, parseListingFilters } from '@/lib/events/select';
import { pageMetadata } from '@/lib/seo/metadata';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Canonical URLs: the unfiltered pages are the listing (`/`, then `/?page=N`, each its own
 * canonical since each shows different sessions, as Google advises for pagination). Filtered views
 * (free-text q, dates, language) are an unbounded set of near-duplicates: they point to `/` and
 * are `noindex, follow`, so crawlers still reach every event page through them but index none.
 */
export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { filters } = parseListingFilters(await searchParams);
  const { site } = getConfig();
  const description = `Live webinars from ${site.name} you can join from anywhere: browse the upcoming sessions and save your seat.`;
  if (hasListingFilters(filters)) {
    const title = filters.q ? `Webinars matching “${filters.q}”` : 'Upcoming webinars (filtered)';
    return { ...pageMetadata({ title, description, canonicalPath: '/', site }), robots: { index: false, follow: true } };
  }
  // The page actually shown: a number past the end shows the last page, whose URL is canonical.
  const { page } = paginate(await getUpcomingListing(), filters.page);
  return pageMetadata({
    title: page > 1 ? `Upcoming webinars, page ${page}` : 'Upcoming webinars',
    description,
    canonicalPath: page > 1 ? `/?page=${page}` : '/',
    site,
  });
}

export default async function UpcomingPage({ searchParams }: { searchParams: SearchParams }) {
  const { filters, problems } = parseListingFilters(await searchParams);
  const [all, viewerTimeZone, now] = await Promise.all([getUpcomingListing(), getViewerTimeZone(), requestNow()]);
  const { site } = getConfig();
  // Days are grouped in the visitor's zone once known, else the site's.
  const groupingZone = viewerTimeZone ?? site.timeZone;
  const matching = filterListing(all, filters, groupingZone);
  const page = paginate(matching, filters.page);
  const groups = groupByDay(page.items, groupingZone);
  const filtered = hasListingFilters(filters);
  const feed = calendarFeedLinks(site.url, filters, groupingZone, site.timeZone);

  return (
    <div className="flex flex-col gap-8">
      <TimeZoneSync serverTimeZone={viewerTimeZone} />
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Upcoming webinars</h1>
        <p className="text-lg text-slate-600">Live sessions you can join from anywhere. Times are shown in your time zone.</p>
      </div>

      <ListingFiltersForm filters={filters} languages={languagesOf(all)} locale={site.locale} />

      <ProblemsNotice problems={problems} />

      <p className="sr-only" role="status">
        {matching.length === 1 ? '1 session' : `${matching.length} sessions`}
        {filtered ? ' match your filters' : ' coming up'}
      </p>

      {groups.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-surface px-6 py-12 text-center">
          <h2 className="text-xl font-semibold text-slate-900">
            {filtered ? 'No webinars match your filters' : 'No upcoming webinars right now'}
          </h2>
          <p className="mt-2 text-slate-600">
            {filtered ? 'Try other words, dates or languages.' : 'New sessions are announced regularly: check back soon.'}
          </p>
          {filtered ? (
            <Link href="/" className="mt-4 inline-flex min-h-11 items-center font-semibold text-accent underline-offset-2 hover:underline">
              Show all upcoming webinars
            </Link>
          ) : null}
        </div>
      ) : (
        <LiveStatusScope items={page.items} now={now}>
          <div className="flex flex-col gap-10">
            <SessionDayGroups groups={groups} viewerTimeZone={viewerTimeZone} locale={site.locale} />
          </div>
        </LiveStatusScope>
      )}

      <Pagination
        page={page.page}
        pageCount={page.pageCount}
        params={{ q: filters.q || null, from: filters.from, to: filters.to, lang: filters.lang }}
      />

      <CalendarSubscribe subscribeUrl={feed.subscribe} downloadUrl={feed.download} filtered={filtered} />
    </div>
  );
}
