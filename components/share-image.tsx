import { ImageResponse } from 'next/og';

/** What link previews show (Open Graph, Twitter/X): 1200×630, the size every network crops well. */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 };
export const SHARE_IMAGE_TYPE = 'image/png';

/**
 * Previews are fetched by crawlers now and then; an hour keeps "next session" current enough, and a
 * day of stale-while-revalidate spares the renderer. (ImageResponse's own default is a year, immutable.)
 */
const CACHE_CONTROL = 'public, max-age=3600, stale-while-revalidate=86400';

const TITLE_MAX = 110;

export interface ShareCard {
  siteName: string;
  title: string;
  /** e.g. "Tue, Dec 1, 2026 · 10:00 AM EST"; null when no session is scheduled. */
  when: string | null;
  /** Small line above the title. */
  kicker: string;
}

/**
 * ImageResponse's bundled font (Geist, Latin) is used: no font is fetched. Emoji are dropped, since
 * satori would fetch their images from a CDN at render time.
 */
function printable(text: string, max: number): string {
  const clean = text.replace(/[\p{Extended_Pictographic}\u200d\ufe0f]/gu, '').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** The share image of a page, rendered by satori/resvg (no browser). */
export function shareImageResponse(card: ShareCard): ImageResponse {
  const title = printable(card.title, TITLE_MAX);
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '64px 72px',
          background: 'linear-gradient(135deg, #4338ca 0%, #3730a3 100%)',
          color: '#fff',
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center', gap: 20, fontSize: 34 }}>
          <svg width="56" height="56" viewBox="0 0 32 32">
            <rect width="32" height="32" rx="8" fill="#fff" />
            <path d="M12 9.5v13l10-6.5z" fill="#4338ca" />
          </svg>
          <span>{printable(card.siteName, 60)}</span>
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 20 }}>
          <span style={{ fontSize: 28, color: '#c7d2fe', textTransform: 'uppercase', letterSpacing: 2 }}>{card.kicker}</span>
          <span style={{ fontSize: title.length > 60 ? 60 : 76, lineHeight: 1.1, letterSpacing: -1 }}>{title}</span>
        </div>
        <div style={{ display: 'flex' }}>
          {card.when ? (
            <span style={{ fontSize: 34, padding: '14px 28px', borderRadius: 16, background: 'rgba(255,255,255,0.14)' }}>{card.when}</span>
          ) : null}
        </div>
      </div>
    ),
    { ...SHARE_IMAGE_SIZE, headers: { 'Cache-Control': CACHE_CONTROL } },
  );
}
