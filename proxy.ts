import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { isConsolePath } from '@/lib/console/sections';
import { embedContentSecurityPolicy, isEmbedPath } from '@/lib/embed/framing';
import {
  ATTRIBUTION_COOKIE,
  ATTRIBUTION_HEADER,
  ATTRIBUTION_MAX_AGE_SECONDS,
  attributionFromUrl,
  decodeAttribution,
  encodeAttribution,
  externalReferrer,
  nextAttribution,
} from '@/lib/attribution';
import { CONSOLE_STATUS_PAGE, isLegacyStatusPage, isStatusPath, STATUS_CHALLENGE, STATUS_HEADERS, statusAccess } from '@/lib/status/access';

/** Well above a full registration form (a few KB); under Next's 1 MB server-action limit. */
const MAX_POST_BYTES = 256 * 1024;

/**
 * Embeds may be framed by the configured origins (read at run time, so a change needs no rebuild)
 * and are never indexed; next.config.js forbids framing everywhere else.
 */
function asEmbed(response: NextResponse): NextResponse {
  response.headers.set('Content-Security-Policy', embedContentSecurityPolicy(getConfig().embed.allowedOrigins));
  response.headers.set('X-Robots-Tag', 'noindex, nofollow');
  return response;
}

/** No route has this path, so a rewrite to it answers exactly like any unknown URL. */
const NOWHERE = '/_status-not-configured';

/**
 * The monitors' status report answers 401 with a Basic challenge (so a browser prompts); the route
 * checks again, so its data never leaves without the secret. With no STATUS_SECRET it is the
 * site's own 404, as if it did not exist.
 */
function statusGate(request: NextRequest): NextResponse {
  const access = statusAccess(request.headers.get('authorization'), getConfig().status.secret);
  if (access === 'disabled') return NextResponse.rewrite(new URL(NOWHERE, request.url));
  if (access === 'denied') {
    return new NextResponse('Authentication required.\n', {
      status: 401,
      headers: { ...STATUS_HEADERS, 'WWW-Authenticate': STATUS_CHALLENGE, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return NextResponse.next({ headers: STATUS_HEADERS });
}

/** The console is personal: no cache may keep it, no crawler index it (its pages check the session). */
function consoleResponse(): NextResponse {
  const response = NextResponse.next();
  response.headers.set('Cache-Control', 'private, no-store');
  response.headers.set('X-Robots-Tag', 'noindex, nofollow');
  return response;
}

export async function proxy(request: NextRequest) {
  if (isStatusPath(request.nextUrl.pathname)) return statusGate(request);
  // The status page moved into the console (signed in there); /status.json stays for monitors.
  if (isLegacyStatusPage(request.nextUrl.pathname)) return NextResponse.redirect(new URL(CONSOLE_STATUS_PAGE, request.url), 308);
  if (isConsolePath(request.nextUrl.pathname) && request.method === 'GET') return consoleResponse();
  const embed = isEmbedPath(request.nextUrl.pathname);
  const response = await route(request, embed);
  return embed ? asEmbed(response) : response;
}

/** Remembers the landing visit's utm_* and referrer so the registration can send them (§5). */
async function route(request: NextRequest, embed: boolean): Promise<NextResponse> {
  const { nextUrl } = request;
  // Form posts larger than any registration could be are refused here with a clear 413; past this
  // point Next's own body limit would surface as a 500.
  if (request.method === 'POST') {
    const length = Number(request.headers.get('content-length') ?? '0');
    if (length > MAX_POST_BYTES) {
      return new NextResponse('This form submission is too large. Please shorten your answers and send it again.\n', {
        status: 413,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      });
    }
    // A body that is not the multipart form it claims to be would also surface as a 500.
    if (request.headers.get('content-type')?.toLowerCase().startsWith('multipart/form-data')) {
      try {
        await request.clone().formData();
      } catch {
        return new NextResponse('This form submission could not be read. Please reload the page and send it again.\n', {
          status: 400,
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        });
      }
    }
    if (request.headers.has('next-action')) return NextResponse.next();
  }
  // An embed's campaign is the host page's, which the loader passes in the embed's own URL.
  if (embed) return NextResponse.next();
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
  // Page navigations and form posts: no assets, no prefetches, no API routes (webhooks need no
  // attribution cookie, and they cap their own bodies).
  matcher: [
    {
      source: '/((?!api/|_next/|calendar/|icon|favicon|robots|sitemap|.*opengraph-image|.*twitter-image|.*\\.[a-z0-9]+$).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
    // Always, prefetches included (`.json` is excluded above).
    '/status',
    '/status.json',
  ],
};
