import 'server-only';
import { nextCookies } from 'better-auth/next-js';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import type { ConsoleAuth } from './auth';
import { migrateConsoleAuth } from './auth';
import { consoleAuthFromConfig } from './commands';

/** The console's auth for this process, its tables created before first use. */
export async function consoleAuth(): Promise<ConsoleAuth> {
  const auth = processSingleton('auth:console', () => consoleAuthFromConfig(getConfig(), [nextCookies()]));
  await processSingleton('auth:console-migrated', () => migrateConsoleAuth(auth));
  return auth;
}

export interface ConsoleUserView {
  id: string;
  email: string;
  name: string;
}

export const CONSOLE_SIGN_IN_PATH = '/console/sign-in';

/** The signed-in marketer of this request, or null. Checked on the server, for every page and action. */
export async function currentConsoleUser(): Promise<ConsoleUserView | null> {
  const auth = await consoleAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  return session ? { id: session.user.id, email: session.user.email, name: session.user.name } : null;
}

/** The signed-in marketer, or a redirect to the sign-in page. */
export async function requireConsoleUser(): Promise<ConsoleUserView> {
  const user = await currentConsoleUser();
  if (!user) redirect(CONSOLE_SIGN_IN_PATH);
  return user;
}
