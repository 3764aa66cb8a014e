import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import type { ReactNode } from 'react';
import { DemoNotice, SiteFooter, SiteHeader } from '@/components/site-chrome';
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

export default function RootLayout({ children }: { children: ReactNode }) {
  const config = getConfig();
  return (
    <html lang={config.site.locale} className={inter.variable}>
      <body className="flex min-h-dvh flex-col font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:font-semibold focus:text-accent focus:shadow"
        >
          Skip to content
        </a>
        <SiteHeader siteName={config.site.name} />
        {config.mode === 'sandbox' ? <DemoNotice /> : null}
        <main id="main" className="mx-auto w-full max-w-content flex-1 px-4 py-8 sm:px-6 sm:py-12">
          {children}
        </main>
        <SiteFooter siteName={config.site.name} />
      </body>
    </html>
  );
}
