// Next's own helper, as its metadata loader calls it: inside the (site) route group an image
// route gets a hash suffix (/events/x/opengraph-image-1j24gg), so the URL cannot be written by hand.
import { fillMetadataSegment } from 'next/dist/lib/metadata/get-metadata-route';

/** Path of an event's Open Graph image, the same one its page's og:image names (minus the ?hash). */
export function eventShareImagePath(slug: string): string {
  return fillMetadataSegment('/(site)/events/[slug]', { slug }, 'opengraph-image', false);
}
