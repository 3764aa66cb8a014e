'use server';

import { APIError } from 'better-auth/api';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { processSingleton } from '@/lib/process-singleton';
import { clientIp } from '@/lib/registration/server/client-ip';
import { takePoint } from '@/lib/registration/server/limiter';
import type { SignInState } from '../sign-in-state';
import { CONSOLE_SIGN_IN_PATH, consoleAuth } from './session';

/** Sign-in attempts per account and per network in 15 minutes; better-auth's own limit guards its HTTP endpoints. */
const ATTEMPTS = { perEmail: 5, perIp: 20, windowSeconds: 15 * 60 };

function limiters() {
  return processSingleton('auth:sign-in-limits', () => ({
    email: new RateLimiterMemory({ keyPrefix: 'console-sign-in-email', points: ATTEMPTS.perEmail, duration: ATTEMPTS.windowSeconds }),
    ip: new RateLimiterMemory({ keyPrefix: 'console-sign-in-ip', points: ATTEMPTS.perIp, duration: ATTEMPTS.windowSeconds }),
  }));
}

export async function signInToConsole(previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get('email') ?? '').trim().toLowerCase().slice(0, 254);
  const password = String(formData.get('password') ?? '').slice(0, 200);
  const attempt = previous.status === 'error' ? previous.attempt + 1 : 1;
  const refuse = (message: string): SignInState => ({ status: 'error', message, email, attempt });
  if (!email || !password) return refuse('Enter your e-mail address and your password.');

  const requestHeaders = await headers();
  const ip = clientIp(requestHeaders, getConfig().trustProxy);
  const wait = (ip ? await takePoint(limiters().ip, ip) : null) ?? (await takePoint(limiters().email, email));
  if (wait !== null) {
    log.warn('console sign-in refused', { reason: 'rate_limit' });
    const minutes = Math.max(1, Math.ceil(wait / 60));
    return refuse(`Too many sign-in attempts. Please wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`);
  }
  try {
    await (await consoleAuth()).api.signInEmail({ body: { email, password }, headers: requestHeaders });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    log.warn('console sign-in refused', { reason: error.statusCode === 429 ? 'rate_limit' : 'credentials' });
    // The same words for an unknown e-mail and a wrong password: nobody learns who has an account.
    return refuse(error.statusCode === 429 ? 'Too many sign-in attempts. Please wait a minute and try again.' : 'Wrong e-mail address or password.');
  }
  log.info('console sign-in');
  redirect('/console');
}

export async function signOutOfConsole(): Promise<void> {
  await (await consoleAuth()).api.signOut({ headers: await headers() });
  redirect(CONSOLE_SIGN_IN_PATH);
}
