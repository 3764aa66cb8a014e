import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/console/sign-in-form';
import { currentConsoleUser } from '@/lib/auth/server/session';
import { getConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Sign in' };

export default async function ConsoleSignInPage() {
  if (await currentConsoleUser()) redirect('/console');
  const { site } = getConfig();
  return (
    <main id="main" className="mx-auto flex w-full max-w-md flex-1 flex-col justify-center gap-6 px-4 py-12">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Sign in to the console</h1>
        <p className="text-slate-600">{site.name}: webinars, registrations and what comes after.</p>
      </div>
      <div className="rounded-2xl border border-slate-200 bg-surface p-6 shadow-sm">
        <SignInForm />
      </div>
      <p className="text-sm text-slate-600">
        No account yet? An administrator creates one with <code className="rounded bg-slate-100 px-1">npm run console -- add-user</code>.
      </p>
    </main>
  );
}
