'use client';

import { useActionState } from 'react';
import { signInToConsole } from '@/lib/auth/server/actions';
import { INITIAL_SIGN_IN_STATE } from '@/lib/auth/sign-in-state';

const input =
  'block w-full rounded-lg border border-slate-300 bg-surface px-3 py-2 text-base text-slate-900 shadow-sm focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30 aria-[invalid=true]:border-red-700';

/** E-mail and password; posts to the server action, with or without JavaScript. */
export function SignInForm() {
  const [state, action, pending] = useActionState(signInToConsole, INITIAL_SIGN_IN_STATE);
  const error = state.status === 'error' ? state.message : null;
  return (
    <form action={action} className="flex flex-col gap-4" aria-describedby={error ? 'sign-in-error' : undefined}>
      {error ? (
        <p key={state.status === 'error' ? state.attempt : 0} id="sign-in-error" role="alert" tabIndex={-1} autoFocus className="rounded-lg border-2 border-red-700 bg-red-50 p-3 text-sm font-medium text-red-900">
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="mb-1 block text-sm font-medium text-slate-800">
          E-mail address
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.status === 'error' ? state.email : ''} aria-invalid={error ? true : undefined} className={input} />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium text-slate-800">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={error ? true : undefined} className={input} />
      </div>
      <button type="submit" disabled={pending} className="min-h-12 rounded-lg bg-accent px-5 py-3 font-semibold text-on-accent hover:bg-accent-strong disabled:cursor-progress disabled:opacity-80">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
