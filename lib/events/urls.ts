/** Where an event's page lives, relative to the site (metadata resolves it against SITE_URL). */
export function eventPath(slug: string): string {
  return `/events/${encodeURIComponent(slug)}`;
}

/** An absolute URL on the site; `path` starts with "/". */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${path}`;
}
