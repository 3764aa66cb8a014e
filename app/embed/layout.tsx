import type { Metadata } from 'next';
import type { ReactNode } from 'react';

/** Embeds live in other sites' iframes: never indexed (proxy.ts also sends X-Robots-Tag). */
export const metadata: Metadata = { robots: { index: false, follow: false } };

/** No site chrome: each page renders its own themed root (components/embed/embed-frame.tsx). */
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return children;
}
