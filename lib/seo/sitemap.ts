import type { MetadataRoute } from 'next';
import { isVisibleEvent } from '@/lib/events/select';
import type { Catalog } from '@/lib/livestorm/types';
import { absoluteUrl, eventPath } from '@/lib/events/urls';

/**
 * The listing and the page of every published, listed event (with or without sessions ahead:
 * the page still exists). Unlisted events are shared by link only and carry noindex.
 */
export function sitemapEntries(catalog: Catalog, siteUrl: string): MetadataRoute.Sitemap {
  const events = catalog.events.filter((event) => isVisibleEvent(event) && event.listed).sort((a, b) => a.slug.localeCompare(b.slug));
  const updates = events.map((event) => (event.updatedAt ? Date.parse(event.updatedAt) : Number.NaN)).filter(Number.isFinite);
  return [
    {
      url: absoluteUrl(siteUrl, '/'),
      // The listing changes when any listed event does.
      ...(updates.length > 0 ? { lastModified: new Date(Math.max(...updates)).toISOString() } : {}),
    },
    ...events.map((event) => ({
      url: absoluteUrl(siteUrl, eventPath(event.slug)),
      ...(event.updatedAt ? { lastModified: event.updatedAt } : {}),
    })),
  ];
}
