/** Who may frame what: `/embed/*` by the site itself and the configured origins; every other page by nobody. */

export const EMBED_PATH_PREFIX = '/embed/';

export function isEmbedPath(pathname: string): boolean {
  return pathname.startsWith(EMBED_PATH_PREFIX);
}

/** The whole CSP of an embed response (the other pages get theirs from next.config.js). */
export function embedContentSecurityPolicy(allowedOrigins: readonly string[]): string {
  return [`frame-ancestors ${["'self'", ...allowedOrigins].join(' ')}`, "object-src 'none'", "base-uri 'self'"].join('; ');
}
