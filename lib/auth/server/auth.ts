import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';

/**
 * The console's sign-in, with better-auth: e-mail and password (its default scrypt hash), database
 * sessions in `$DATA_DIR/console.sqlite`, httpOnly SameSite=Lax cookies (Secure on HTTPS), idle
 * expiry, no public sign-up (accounts come from `npm run console -- add-user`). A plain factory, no
 * `server-only`: the site wires it in ./session.ts, the operators' CLI in scripts/console.ts.
 */

export interface ConsoleAuthOptions {
  dataDir: string;
  siteUrl: string;
  siteName: string;
  secret: string;
  idleMinutes: number;
  /** The site adds `nextCookies()`, so server actions can set the session cookie. */
  plugins?: BetterAuthPlugin[];
}

export const CONSOLE_AUTH_PATH = '/api/auth';
export const MIN_PASSWORD_LENGTH = 12;

export function consoleDatabaseFile(dataDir: string): string {
  return path.join(dataDir, 'console.sqlite');
}

export function createConsoleAuth(options: ConsoleAuthOptions) {
  mkdirSync(options.dataDir, { recursive: true });
  const database = new Database(consoleDatabaseFile(options.dataDir));
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  const idleSeconds = options.idleMinutes * 60;
  return betterAuth({
    appName: `${options.siteName} console`,
    baseURL: options.siteUrl,
    basePath: CONSOLE_AUTH_PATH,
    secret: options.secret,
    database,
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
    },
    // Idle expiry: a session lives `idleMinutes` past its last refresh, refreshed at most once a minute.
    session: { expiresIn: idleSeconds, updateAge: Math.min(60, idleSeconds) },
    rateLimit: { enabled: true, window: 60, max: 100, customRules: { '/sign-in/email': { window: 60, max: 5 } } },
    advanced: {
      useSecureCookies: options.siteUrl.startsWith('https:'),
      cookiePrefix: 'console',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    telemetry: { enabled: false },
    plugins: options.plugins ?? [],
  });
}

export type ConsoleAuth = ReturnType<typeof createConsoleAuth>;

/** Creates or updates the console's tables (idempotent; run before first use). */
export async function migrateConsoleAuth(auth: ConsoleAuth): Promise<void> {
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
}
