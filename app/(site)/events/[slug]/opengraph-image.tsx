import { SHARE_IMAGE_SIZE, SHARE_IMAGE_TYPE, shareImageResponse } from '@/components/share-image';
import { getConfig } from '@/lib/config';
import { getEventPage } from '@/lib/events/server/catalog';
import { decodeSlug } from '@/lib/pages/request';
import { formatShareWhen } from '@/lib/time';

export const alt = 'The webinar’s title and the date of its next session';
export const size = SHARE_IMAGE_SIZE;
export const contentType = SHARE_IMAGE_TYPE;

/** From the cached catalog, like the page; an unknown slug is a plain 404, not a render error. */
export default async function EventShareImage({ params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const decoded = decodeSlug(slug);
  const data = decoded ? await getEventPage(decoded) : null;
  if (!data) {
    return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=60' } });
  }
  const { site } = getConfig();
  const next = data.sessions[0];
  return shareImageResponse({
    siteName: site.name,
    title: data.event.title,
    kicker: 'Live webinar',
    // The site's zone: a preview has no viewer to adapt to, and the label says which zone it is.
    when: next ? formatShareWhen(next.startsAt, site.timeZone, site.locale) : null,
  });
}
