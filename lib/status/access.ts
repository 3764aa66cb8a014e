import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Who may see the operators' status page. The secret travels in the Authorization header only
 * (URLs end up in access logs): HTTP Basic with any user name, so browsers prompt, or
 * `Bearer <secret>` for monitors. Pure, so the proxy, the page and the JSON route share it.
 */

export type StatusAccess = 'disabled' | 'denied' | 'granted';

/** What monitors poll, with the secret. People read the same report in the console (/console/status). */
export const STATUS_PATHS = ['/status.json'] as const;

/** The status page's old address: it moved into the console, and this redirects there. */
export const LEGACY_STATUS_PAGE = '/status';
export const CONSOLE_STATUS_PAGE = '/console/status';

/** What a refused request is told, so browsers show their password prompt. */
export const STATUS_CHALLENGE = 'Basic realm="status", charset="UTF-8"';

/** Headers of every status answer, including refusals: nothing here is for caches or crawlers. */
export const STATUS_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
} as const;

const trimmed = (pathname: string) => pathname.replace(/\/+$/, '') || '/';

export function isStatusPath(pathname: string): boolean {
  return (STATUS_PATHS as readonly string[]).includes(trimmed(pathname));
}

export function isLegacyStatusPage(pathname: string): boolean {
  return trimmed(pathname) === LEGACY_STATUS_PAGE;
}

/** The password of a Basic header or the token of a Bearer one; null for anything else. */
export function presentedSecret(authorization: string | null): string | null {
  if (!authorization) return null;
  const match = /^(basic|bearer)\s+(\S+)\s*$/i.exec(authorization.trim());
  if (!match) return null;
  const [, scheme, value] = match;
  if (scheme!.toLowerCase() === 'bearer') return value!;
  const decoded = Buffer.from(value!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? null : decoded.slice(colon + 1);
}

/** Digests first: equal lengths for timingSafeEqual, and the secret's length does not leak. */
function sameSecret(presented: string, secret: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(secret));
}

export function statusAccess(authorization: string | null, secret: string | null): StatusAccess {
  if (secret === null) return 'disabled';
  const presented = presentedSecret(authorization);
  return presented !== null && sameSecret(presented, secret) ? 'granted' : 'denied';
}
