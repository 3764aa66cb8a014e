import { describe, expect, it } from 'vitest';
import { sitemapEntries } from '@/lib/seo/sitemap';
import { event, session } from './factories';

const SITE_URL = 'https://webinars.example.com';

describe('sitemapEntries', () => {
  it('lists the listing and every published, listed event, with absolute URLs and update times', () => {
    const entries = sitemapEntries(
      {
        fetchedAt: '2026-03-01T00:00:00.000Z',
        events: [
          event('b', { slug: 'café q&a', updatedAt: '2026-02-03T10:00:00.000Z' }),
          event('a', { slug: 'analytics', updatedAt: null }),
          event('draft', { published: false, updatedAt: '2026-02-09T10:00:00.000Z' }),
          event('unlisted', { listed: false, updatedAt: '2026-02-08T10:00:00.000Z' }),
        ],
        sessions: [session('s1', 'b')],
      },
      SITE_URL,
    );
    expect(entries).toEqual([
      { url: 'https://webinars.example.com/', lastModified: '2026-02-03T10:00:00.000Z' },
      { url: 'https://webinars.example.com/events/analytics' },
      { url: 'https://webinars.example.com/events/caf%C3%A9%20q%26a', lastModified: '2026-02-03T10:00:00.000Z' },
    ]);
  });

  it('still lists the listing when there is nothing else', () => {
    expect(sitemapEntries({ fetchedAt: '2026-03-01T00:00:00.000Z', events: [], sessions: [] }, `${SITE_URL}/`)).toEqual([
      { url: 'https://webinars.example.com/' },
    ]);
  });
});
