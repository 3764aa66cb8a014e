import type { Metadata } from 'next';
import Link from 'next/link';
import { requireConsoleUser } from '@/lib/auth/server/session';
import { CONSOLE_SECTIONS } from '@/lib/console/sections';

export const metadata: Metadata = { title: 'Overview' };

export default async function ConsoleOverviewPage() {
  // Layouts and pages render in parallel: each page checks the session itself.
  const user = await requireConsoleUser();
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Console</h1>
        <p className="text-lg text-slate-600">Welcome, {user.name}.</p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2" role="list">
        {CONSOLE_SECTIONS.filter((section) => section.href !== '/console').map((section) => (
          <li key={section.href} className="rounded-2xl border border-slate-200 bg-surface p-5 shadow-sm">
            <h2 className="text-lg font-semibold text-slate-900">
              <Link href={section.href} className="text-accent underline-offset-2 hover:underline">
                {section.label}
              </Link>
            </h2>
            <p className="mt-1 text-slate-600">{section.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
