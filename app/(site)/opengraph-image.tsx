import { connection } from 'next/server';
import { SHARE_IMAGE_SIZE, SHARE_IMAGE_TYPE, shareImageResponse } from '@/components/share-image';
import { getConfig } from '@/lib/config';

export const alt = 'Upcoming live webinars';
export const size = SHARE_IMAGE_SIZE;
export const contentType = SHARE_IMAGE_TYPE;

/** The site-wide card (listing and any page without its own). */
export default async function SiteShareImage(): Promise<Response> {
  // At request time: SITE_NAME is runtime configuration, and one build serves several setups.
  await connection();
  const { site } = getConfig();
  return shareImageResponse({ siteName: site.name, title: 'Upcoming live webinars', kicker: 'Join from anywhere', when: null });
}
