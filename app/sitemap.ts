import type { MetadataRoute } from 'next';
import { getConfig } from '@/lib/config';
import { getCatalog } from '@/lib/events/server/catalog';
import { sitemapEntries } from '@/lib/seo/sitemap';

/** /sitemap.xml, from the cached catalog (getCatalog makes it a request-time route). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(await getCatalog(), getConfig().site.url);
}
