import { NextResponse, type NextRequest } from 'next/server';
import {
  ATTRIBUTION_COOKIE,
  ATTRIBUTION_HEADER,
  ATTRIBUTION_MAX_AGE_SECONDS,
  attributionFromUrl,
  decodeAttribution,
  encodeAttribution,
  externalReferrer,
  nextAttribution,
} from '@/lib/registration/attribution';

/** Remembers the landing visit's utm_* and referrer so the registration can send them (§5). */
export function proxy(request: NextRequest) {
  const { nextUrl } = request;
  const current = decodeAttribution(request.cookies.get(ATTRIBUTION_COOKIE)?.value);
  const landing = attributionFromUrl(nextUrl.searchParams, externalReferrer(request.headers.get('referer'), [
    nextUrl.host,
    request.headers.get('host'),
    request.headers.get('x-forwarded-host'),
  ]));
  const next = nextAttribution(current, landing);
  // The page of this very request cannot read the cookie set below, so it gets the value as a
  // request header; one sent by the client is always overwritten.
  const requestHeaders = new Headers(request.headers);
  const effective = next ?? current;
  if (effective) requestHeaders.set(ATTRIBUTION_HEADER, encodeAttribution(effective));
  else requestHeaders.delete(ATTRIBUTION_HEADER);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (next) {
    response.cookies.set(ATTRIBUTION_COOKIE, encodeAttribution(next), {
      httpOnly: true,
      sameSite: 'lax',
      secure: nextUrl.protocol === 'https:',
      path: '/',
      maxAge: ATTRIBUTION_MAX_AGE_SECONDS,
    });
  }
  return response;
}

export const config = {
  // Page navigations only: no assets, no prefetches, no server-action posts.
  matcher: [
    {
      source: '/((?!_next/|calendar/|icon|favicon|robots|sitemap|.*\\.[a-z0-9]+$).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'next-action' },
      ],
    },
  ],
};
