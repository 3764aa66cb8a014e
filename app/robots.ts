import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { getConfig } from '@/lib/config';
import { absoluteUrl } from '@/lib/events/urls';

/**
 * /robots.txt. Confirmation pages are personal. Embeds stay crawlable on purpose: they carry
 * noindex, which a crawler can only read on a page it may fetch.
 */
export default async function robots(): Promise<MetadataRoute.Robots> {
  // At request time: SITE_URL is runtime configuration.
  await connection();
  const { site } = getConfig();
  return {
    rules: { userAgent: '*', allow: '/', disallow: '/registrations/' },
    sitemap: absoluteUrl(site.url, '/sitemap.xml'),
  };
}
