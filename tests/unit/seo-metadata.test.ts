import { describe, expect, it } from 'vitest';
import { pageMetadata } from '@/lib/seo/metadata';
import { eventShareImagePath } from '@/lib/seo/share-image';

const site = { name: 'Acme Webinars', locale: 'en-US' };

describe('pageMetadata', () => {
  it('gives the canonical path and the same title and description to Open Graph and Twitter', () => {
    expect(pageMetadata({ title: 'Product demo', description: 'See it live.', canonicalPath: '/events/demo', site })).toEqual({
      title: 'Product demo',
      description: 'See it live.',
      alternates: { canonical: '/events/demo' },
      openGraph: {
        type: 'website',
        siteName: 'Acme Webinars',
        locale: 'en_US',
        url: '/events/demo',
        title: 'Product demo',
        description: 'See it live.',
      },
      twitter: { card: 'summary_large_image', title: 'Product demo', description: 'See it live.' },
    });
  });

  it('leaves the canonical and og:url out when the page has none', () => {
    const metadata = pageMetadata({ title: 'Page not found', description: 'Gone.', canonicalPath: null, site });
    expect(metadata.alternates).toBeUndefined();
    expect(metadata.openGraph?.url).toBeUndefined();
  });
});

describe('eventShareImagePath', () => {
  it('is the event page’s opengraph-image route, with the suffix Next gives it inside the route group', () => {
    expect(eventShareImagePath('product-demo')).toMatch(/^\/events\/product-demo\/opengraph-image-[0-9a-z]{6}$/);
    expect(eventShareImagePath('café q&a')).toMatch(/^\/events\/caf%C3%A9%20q%26a\/opengraph-image-/);
  });
});
