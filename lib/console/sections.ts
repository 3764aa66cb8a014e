/**
 * The console's sections, in navigation order. Each feature that adds pages to the console adds
 * its line here (sessions, imports, leads, analytics, follow-ups, settings). Client-safe.
 */
export const CONSOLE_SECTIONS: ReadonlyArray<{ href: string; label: string; description: string }> = [
  { href: '/console', label: 'Overview', description: 'Where things stand.' },
  { href: '/console/status', label: 'Status', description: 'Livestorm, the quota, webhooks and the registration queue, as operators see them.' },
];

/** Every console path starts with this; the proxy marks them private and never indexed. */
export const CONSOLE_PATH = '/console';

export function isConsolePath(pathname: string): boolean {
  return pathname === CONSOLE_PATH || pathname.startsWith(`${CONSOLE_PATH}/`);
}
