import type { Metadata } from 'next';

export interface PageMetadataInput {
  /** The page's own title; the root layout's template appends the site name in <title>. */
  title: string;
  description: string;
  /** Site-relative canonical path, made absolute by metadataBase (SITE_URL); null for none. */
  canonicalPath: string | null;
  site: { name: string; locale: string };
}

/**
 * Title, description, canonical URL and the Open Graph / Twitter basics of a page. One helper
 * because Next replaces `openGraph` and `twitter` as a whole per segment, never merging them.
 * The share images come from the `opengraph-image`/`twitter-image` files of the segment.
 */
export function pageMetadata({ title, description, canonicalPath, site }: PageMetadataInput): Metadata {
  const url = canonicalPath ?? undefined;
  return {
    title,
    description,
    alternates: url ? { canonical: url } : undefined,
    openGraph: {
      type: 'website',
      siteName: site.name,
      // Open Graph spells locales with an underscore: en_US.
      locale: site.locale.replace('-', '_'),
      url,
      title,
      description,
    },
    twitter: { card: 'summary_large_image', title, description },
  };
}
