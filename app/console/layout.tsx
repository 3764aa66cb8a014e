import type { Metadata } from 'next';
import type { ReactNode } from 'react';

/** The marketers' console: never indexed (proxy.ts also sends X-Robots-Tag), never framed, never cached. */
export const metadata: Metadata = {
  title: { default: 'Console', template: '%s · Console' },
  robots: { index: false, follow: false },
  // No `referrer: 'no-referrer'`: browsers then send `Origin: null` with a form post, and Next
  // refuses such a server action as cross-site. The site's strict-origin-when-cross-origin stays.
};

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return children;
}
