import { isIP } from 'node:net';

/** Where a registration comes from, for the per-address limit (./limiter.ts). */

/** Lower-case, without brackets or port, and IPv4-mapped IPv6 as plain IPv4; null if not an IP. */
function parseAddress(raw: string): string | null {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed?.[1]) text = bracketed[1];
  else {
    // Some proxies (Azure among them) append the client's port to IPv4 entries.
    const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text);
    if (withPort?.[1]) text = withPort[1];
  }
  return isIP(text) === 0 ? null : normalizeIp(text);
}

export function normalizeIp(ip: string): string {
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  return mapped?.[1] && isIP(mapped[1]) === 4 ? mapped[1] : lower;
}

/**
 * The visitor's address, or null when unknown. Server actions get no socket address from Next,
 * so the only source is a header set by a reverse proxy; operators behind one set TRUST_PROXY.
 * Without it the headers are the client's own words, and the per-IP limit is skipped.
 *
 * The first valid X-Forwarded-For entry is used: correct when the proxy replaces the header
 * (Vercel, nginx with `$remote_addr`), but a proxy that appends (`$proxy_add_x_forwarded_for`)
 * leaves that entry under the client's control, and then X-Real-IP set by the proxy is safer.
 */
export function clientIp(headers: Headers, trustProxy: boolean): string | null {
  if (!trustProxy) return null;
  for (const entry of (headers.get('x-forwarded-for') ?? '').split(',')) {
    const ip = parseAddress(entry);
    if (ip) return ip;
  }
  return parseAddress(headers.get('x-real-ip') ?? '');
}
