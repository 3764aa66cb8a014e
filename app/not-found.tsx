import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteShell } from '@/components/site-chrome';

// No canonical: a 404 is not a page search engines should attribute to any URL.
export const metadata: Metadata = {
  title: 'Page not found',
  description: 'This page does not exist. See the upcoming webinars instead.',
  robots: { index: false },
};

/** Unmatched URLs render under the root layout only, so this brings the site's frame itself. */
export default function NotFound() {
  return (
    <SiteShell>
    <div className="mx-auto flex max-w-xl flex-col items-center gap-4 py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">404</p>
      <h1 className="text-3xl font-bold text-slate-900">We couldn’t find that page</h1>
      <p className="text-slate-600">The webinar may have ended, been renamed or never existed. The upcoming ones are one click away.</p>
      <Link href="/" className="inline-flex min-h-11 items-center rounded-lg bg-accent px-5 py-2 font-semibold text-on-accent hover:bg-accent-strong">
        See upcoming webinars
      </Link>
    </div>
    </SiteShell>
  );
}
