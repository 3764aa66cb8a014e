import Link from 'next/link';
import type { ReactNode } from 'react';
import { signOutOfConsole } from '@/lib/auth/server/actions';
import type { ConsoleUserView } from '@/lib/auth/server/session';
import { SiteMark, SkipLink } from '@/components/site-chrome';
import { ConsoleNav } from './console-nav';

/**
 * The console's frame: the site's look, its own header with the navigation and the signed-in
 * marketer, and sign-out (a form: it works without JavaScript).
 */
export function ConsoleShell({ siteName, user, children }: { siteName: string; user: ConsoleUserView; children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="border-b border-slate-200 bg-surface">
        <div className="mx-auto flex max-w-content flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <Link href="/console" className="flex items-center gap-2 text-lg font-bold text-slate-900 hover:text-accent-strong">
            <SiteMark />
            {siteName} <span className="font-medium text-slate-600">console</span>
          </Link>
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-700">
              <span className="sr-only">Signed in as </span>
              {user.email}
            </span>
            <form action={signOutOfConsole}>
              <button type="submit" className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-3 font-medium text-slate-800 hover:border-accent hover:text-accent">
                Sign out
              </button>
            </form>
          </div>
        </div>
        <ConsoleNav />
      </header>
      <main id="main" className="mx-auto w-full max-w-content flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </>
  );
}
