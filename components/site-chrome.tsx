import Link from 'next/link';
import type { ReactNode } from 'react';
import { getConfig } from '@/lib/config';

export function DemoNotice() {
  return (
    <div className="border-b border-amber-200 bg-amber-50 text-amber-900">
      <p className="mx-auto max-w-content px-4 py-2 text-sm sm:px-6">
        <strong className="font-semibold">Demo data.</strong> This site runs on the built-in Livestorm sandbox. Set{' '}
        <code className="rounded bg-amber-100 px-1">LIVESTORM_API_TOKEN</code> to show your own webinars.
      </p>
    </div>
  );
}

/** The site's mark: the play button in the accent colour (also in the console's header). */
export function SiteMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7">
      <rect width="32" height="32" rx="8" className="fill-accent" />
      <path d="M12 9.5v13l10-6.5z" fill="#fff" />
    </svg>
  );
}

/** The first focusable element of a page: straight to its `<main id="main">`. */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-lg focus:bg-surface focus:px-4 focus:py-2 focus:font-semibold focus:text-accent focus:shadow"
    >
      Skip to content
    </a>
  );
}

export function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <header className="border-b border-slate-200 bg-surface">
      <div className="mx-auto flex max-w-content items-center justify-between gap-4 px-4 py-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-slate-900 hover:text-accent-strong">
          <SiteMark />
          {siteName}
        </Link>
      </div>
    </header>
  );
}

export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-surface">
      <div className="mx-auto flex max-w-content flex-wrap items-center justify-between gap-2 px-4 py-6 text-sm text-slate-600 sm:px-6">
        <p>© {siteName}</p>
        <p>Webinars powered by Livestorm</p>
      </div>
    </footer>
  );
}

/** The public site's frame (embeds have their own, without it). */
export function SiteShell({ children }: { children: ReactNode }) {
  const config = getConfig();
  return (
    <>
      <SkipLink />
      <SiteHeader siteName={config.site.name} />
      {config.mode === 'sandbox' ? <DemoNotice /> : null}
      <main id="main" className="mx-auto w-full max-w-content flex-1 px-4 py-8 sm:px-6 sm:py-12">
        {children}
      </main>
      <SiteFooter siteName={config.site.name} />
    </>
  );
}
