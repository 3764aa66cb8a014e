import type { Metadata } from 'next';
import { EmbedFrame } from '@/components/embed/embed-frame';
import { LiveStatusScope } from '@/components/live-status/live-status-scope';
import { Pagination } from '@/components/pagination';
import { SessionDayGroups } from '@/components/session-day-groups';
import { EMBED_PATHS, embedHref } from '@/lib/embed/options';
import { loadEmbedListing } from '@/lib/pages/listing';
import type { SearchParams } from '@/lib/pages/request';

const TITLE = 'Upcoming webinars';

export const metadata: Metadata = { title: TITLE, alternates: { canonical: '/' } };

/** The listing for other sites: the same filters as `/`, chosen by the marketer in the embed's URL. */
export default async function EmbedListPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const view = await loadEmbedListing(await searchParams);
  const { context, page, groups } = view;

  return (
    <EmbedFrame options={context.options} announce={[{ type: 'ready', kind: 'list', title: TITLE, path: EMBED_PATHS.list }]}>
      <h1 className="text-xl font-bold tracking-tight text-slate-900">{TITLE}</h1>
      {groups.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-surface px-5 py-8 text-center text-slate-700">
          No upcoming webinars right now. New sessions are announced regularly.
        </p>
      ) : (
        <LiveStatusScope items={page.items} now={view.now}>
          <SessionDayGroups
            groups={groups}
            viewerTimeZone={view.viewerTimeZone}
            locale={view.locale}
            hrefFor={(item) => embedHref(EMBED_PATHS.event(item.event.slug), context, { session: item.session.id })}
          />
        </LiveStatusScope>
      )}
      <Pagination page={page.page} pageCount={page.pageCount} basePath={view.basePath} params={view.pageParams} />
    </EmbedFrame>
  );
}
