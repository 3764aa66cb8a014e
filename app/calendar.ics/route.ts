import { unstable_rethrow } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { CALENDAR_FEED_REFRESH_SECONDS } from '@/lib/calendar/feed';
import { buildCalendar } from '@/lib/calendar/session-calendar';
import { getConfig } from '@/lib/config';
import type { SessionWithEvent } from '@/lib/livestorm/types';
import { errorFields, log } from '@/lib/log';
import { loadListingFeed } from '@/lib/pages/listing';

/** GET /calendar.ics[?q&from&to&lang&tz]: the listing's upcoming sessions as a subscribable calendar. */
export async function GET(request: NextRequest): Promise<Response> {
  const { site } = getConfig();
  let listing: SessionWithEvent[];
  try {
    listing = await loadListingFeed(request.nextUrl.searchParams);
  } catch (error) {
    unstable_rethrow(error);
    log.error('calendar feed: catalog unavailable', errorFields(error));
    return new Response('The calendar is temporarily unavailable. Please try again shortly.\n', {
      status: 503,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '30', 'X-Robots-Tag': 'noindex' },
    });
  }

  const body = buildCalendar(listing, {
    siteUrl: site.url,
    siteName: site.name,
    calendarName: site.name,
    refreshIntervalSeconds: CALENDAR_FEED_REFRESH_SECONDS,
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      // Inline: calendar apps subscribe to it; the page's download link asks for a file itself.
      'Content-Disposition': 'inline; filename="webinars.ics"',
      // As fresh as the catalog behind it within minutes; shared caches may serve one copy to all.
      'Cache-Control': 'public, max-age=300',
      'X-Robots-Tag': 'noindex',
    },
  });
}
