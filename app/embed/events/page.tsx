import type { Metadata } from 'next';
import { EmbedFrame } from '@/components/embed/embed-frame';
import { Pagination } from '@/components/pagination';
import { LiveStatusScope } from '@/components/live-status/live-status-scope';
import { SessionDayGroups } from '@/components/session-day-groups';
import { getConfig } from '@/lib/config';
import { EMBED_PATHS, embedContextParams, embedHref, parseEmbedContext } from '@/lib/embed/options';
import { getUpcomingListing, getViewerTimeZone, requestNow } from '@/lib/events/catalog';
import { filterListing, groupByDay, paginate, PAGE_SIZE, parseListingFilters } from '@/lib/events/select';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const TITLE = 'Upcoming webinars';

/** `limit`: sessions per page, so a sidebar can show the next three (default: the site's page size). */
function parseLimit(raw: string | string[] | undefined): number {
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(value) && value >= 1 && value <= 50 ? value : PAGE_SIZE;
}

export const metadata: Metadata = { title: TITLE, alternates: { canonical: '/' } };

/** The listing for other sites: the same filters as `/`, chosen by the marketer in the embed's URL. */
export default async function EmbedListPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const context = parseEmbedContext(params);
  const { filters } = parseListingFilters(params);
  const [all, viewerTimeZone, now] = await Promise.all([getUpcomingListing(), getViewerTimeZone(), requestNow()]);
  const { site } = getConfig();
  const locale = context.options.locale ?? site.locale;
  const groupingZone = viewerTimeZone ?? site.timeZone;
  const matching = filterListing(all, filters, groupingZone);
  const limit = parseLimit(params.limit);
  const page = paginate(matching, filters.page, limit);
  const groups = groupByDay(page.items, groupingZone);
  const filterParams = {
    q: filters.q || null,
    from: filters.from,
    to: filters.to,
    lang: filters.lang,
    limit: limit === PAGE_SIZE ? null : String(limit),
  };

  return (
    <EmbedFrame options={context.options} announce={[{ type: 'ready', kind: 'list', title: TITLE, path: EMBED_PATHS.list }]}>
      <h1 className="text-xl font-bold tracking-tight text-slate-900">{TITLE}</h1>
      {groups.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-surface px-5 py-8 text-center text-slate-700">
          No upcoming webinars right now. New sessions are announced regularly.
        </p>
      ) : (
        <LiveStatusScope items={page.items} now={now}>
          <SessionDayGroups
            groups={groups}
            viewerTimeZone={viewerTimeZone}
            locale={locale}
            hrefFor={(item) => embedHref(EMBED_PATHS.event(item.event.slug), context, { session: item.session.id })}
          />
        </LiveStatusScope>
      )}
      <Pagination
        page={page.page}
        pageCount={page.pageCount}
        basePath={EMBED_PATHS.list}
        params={{ ...filterParams, ...Object.fromEntries(embedContextParams(context)) }}
      />
    </EmbedFrame>
  );
}
