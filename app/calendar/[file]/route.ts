import { unstable_rethrow } from 'next/navigation';
import { buildCalendar, calendarFileName } from '@/lib/calendar/session-calendar';
import { getConfig } from '@/lib/config';
import { getCatalog } from '@/lib/events/server/catalog';
import { selectPublicSession } from '@/lib/events/select';
import type { Catalog } from '@/lib/livestorm/types';
import { errorFields, log } from '@/lib/log';

const SUFFIX = '.ics';

function text(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(`${body}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Robots-Tag': 'noindex', ...headers },
  });
}

function sessionIdOf(file: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(file);
  } catch {
    return null;
  }
  if (!decoded.endsWith(SUFFIX)) return null;
  const id = decoded.slice(0, -SUFFIX.length);
  // Livestorm ids are opaque; the exact catalog lookup below is the real check.
  return id.length > 0 && id.length <= 200 ? id : null;
}

/** GET /calendar/<sessionId>.ics: one session as an iCalendar file, from the cached catalog. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const id = sessionIdOf(file);
  // Short cache on misses: an id can appear with the next catalog refresh.
  if (!id) return text('Calendar not found.', 404, { 'Cache-Control': 'public, max-age=60' });

  let catalog: Catalog;
  try {
    catalog = await getCatalog();
  } catch (error) {
    unstable_rethrow(error);
    log.error('calendar: catalog unavailable', errorFields(error));
    return text('The calendar is temporarily unavailable. Please try again shortly.', 503, {
      'Cache-Control': 'no-store',
      'Retry-After': '30',
    });
  }

  const found = selectPublicSession(catalog, id);
  if (!found) return text('Calendar not found.', 404, { 'Cache-Control': 'public, max-age=60' });
  const { event, session } = found;

  const { site } = getConfig();
  return new Response(buildCalendar([{ event, session }], { siteUrl: site.url, siteName: site.name }), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${calendarFileName(event, session)}"`,
      'Cache-Control': 'public, max-age=300',
      'X-Robots-Tag': 'noindex',
    },
  });
}
