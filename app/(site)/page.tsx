import type { Metadata } from 'next';
import Link from 'next/link';
import { CalendarSubscribe } from '@/components/calendar-subscribe';
import { LiveStatusScope } from '@/components/live-status/live-status-scope';
import { ListingFiltersForm } from '@/components/listing-filters';
import { Pagination } from '@/components/pagination';
import { ProblemsNotice } from '@/components/problems-notice';
import { SessionDayGroups } from '@/components/session-day-groups';
import { TimeZoneSync } from '@/components/time-zone-sync';
import { listingMetadata, loadListingPage } from '@/lib/pages/listing';
import type { SearchParams } from '@/lib/pages/request';

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return listingMetadata(await searchParams);
}

export default async function UpcomingPage({ searchParams }: Props) {
  const view = await loadListingPage(await searchParams);
  const { filters, filtered, matching, page, groups } = view;

  return (
    <div className="flex flex-col gap-8">
      <TimeZoneSync serverTimeZone={view.viewerTimeZone} />
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Upcoming webinars</h1>
        <p className="text-lg text-slate-600">Live sessions you can join from anywhere. Times are shown in your time zone.</p>
      </div>

      <ListingFiltersForm filters={filters} languages={view.languages} locale={view.locale} />

      <ProblemsNotice problems={view.problems} />

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
        <LiveStatusScope items={page.items} now={view.now}>
          <div className="flex flex-col gap-10">
            <SessionDayGroups groups={groups} viewerTimeZone={view.viewerTimeZone} locale={view.locale} />
          </div>
        </LiveStatusScope>
      )}

      <Pagination page={page.page} pageCount={page.pageCount} params={view.pageParams} />

      <CalendarSubscribe subscribeUrl={view.feed.subscribe} downloadUrl={view.feed.download} filtered={filtered} />
    </div>
  );
}
