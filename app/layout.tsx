import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import type { ReactNode } from 'react';
import { getConfig } from '@/lib/config';
import './globals.css';

const inter = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  variable: '--font-sans',
  weight: '100 900',
  display: 'swap',
});

export function generateMetadata(): Metadata {
  const { site } = getConfig();
  return {
    metadataBase: new URL(site.url),
    title: { default: site.name, template: `%s · ${site.name}` },
    description: `Upcoming live webinars from ${site.name}. Pick a session and save your seat.`,
  };
}

export const viewport: Viewport = {
  themeColor: '#4338ca',
  width: 'device-width',
  initialScale: 1,
};

/** Shared by the public site, `(site)/layout.tsx`, and the embeds, `embed/layout.tsx`, which add their own frames. */
export default function RootLayout({ children }: { children: ReactNode }) {
  const config = getConfig();
  return (
    <html lang={config.site.locale} className={inter.variable}>
      <body className="flex min-h-dvh flex-col font-sans">{children}</body>
    </html>
  );
}
