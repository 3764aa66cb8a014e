import type { Config } from '@/lib/config';
import { loadOrCreateSecret } from '@/lib/registration/server/form-secret';
import { createConsoleAuth, migrateConsoleAuth, type ConsoleAuth } from './auth';
import { addConsoleUser, ConsoleUserError, generatePassword, listConsoleUsers, removeConsoleUser, resetConsolePassword } from './users';

/** `npm run console -- <command>`: the operators' side of console accounts. */

export const CONSOLE_USAGE = [
  'Usage: npm run console -- <command>',
  '  add-user <email> [--name NAME]   create an account; prints a generated password (or reads one: --password-stdin)',
  '  list-users                       list the accounts',
  '  remove-user <email>              delete an account and sign it out everywhere',
  '  reset-password <email>           set a new password (generated, or --password-stdin) and sign it out everywhere',
  'Uses the site\'s configuration (DATA_DIR, SITE_URL, CONSOLE_SECRET).',
].join('\n');

/** 0 done; 1 refused (unknown account, duplicate, weak password); 2 usage. */
export const CONSOLE_EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export interface ConsoleCommandContext {
  config: Config;
  /** A password typed by the operator (`--password-stdin`), else null for a generated one. */
  readPassword: () => Promise<string | null>;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The console's auth as the site has it: same database, same secret file. */
export function consoleAuthFromConfig(config: Config, plugins?: Parameters<typeof createConsoleAuth>[0]['plugins']): ConsoleAuth {
  return createConsoleAuth({
    dataDir: config.dataDir,
    siteUrl: config.site.url,
    siteName: config.site.name,
    secret: loadOrCreateSecret(config.console.secret, config.dataDir, 'console-secret'),
    idleMinutes: config.console.idleMinutes,
    plugins,
  });
}

export async function runConsoleCommand(args: readonly string[], context: ConsoleCommandContext): Promise<number> {
  const [command, email, ...rest] = args;
  const needsEmail = command === 'add-user' || command === 'remove-user' || command === 'reset-password';
  if (!command || !['add-user', 'list-users', 'remove-user', 'reset-password'].includes(command) || (needsEmail && !email)) {
    context.err(command && !needsEmail ? `Unknown command "${command}".\n${CONSOLE_USAGE}` : CONSOLE_USAGE);
    return CONSOLE_EXIT.usage;
  }
  const nameIndex = rest.indexOf('--name');
  const name = nameIndex >= 0 ? rest[nameIndex + 1] : undefined;
  const auth = consoleAuthFromConfig(context.config);
  await migrateConsoleAuth(auth);
  try {
    switch (command) {
      case 'add-user':
      case 'reset-password': {
        const typed = await context.readPassword();
        const password = typed ?? generatePassword();
        if (command === 'add-user') {
          const user = await addConsoleUser(auth, email!, password, name);
          context.out(`Created the console account ${user.email}.`);
        } else {
          await resetConsolePassword(auth, email!, password);
          context.out(`New password set for ${email!.trim().toLowerCase()}; its sessions are signed out.`);
        }
        if (typed === null) context.out(`Password: ${password}\n(shown once: keep it in a password manager)`);
        context.out(`Sign in at ${context.config.site.url}/console`);
        return CONSOLE_EXIT.ok;
      }
      case 'list-users': {
        const users = await listConsoleUsers(auth);
        context.out(`${users.length} console account(s)`);
        for (const user of users) context.out(`  ${user.email.padEnd(36)} ${user.name.padEnd(20)} since ${user.createdAt.toISOString().slice(0, 10)}`);
        return CONSOLE_EXIT.ok;
      }
      default: {
        await removeConsoleUser(auth, email!);
        context.out(`Removed the console account ${email!.trim().toLowerCase()}.`);
        return CONSOLE_EXIT.ok;
      }
    }
  } catch (error) {
    if (!(error instanceof ConsoleUserError)) throw error;
    context.err(error.message);
    return CONSOLE_EXIT.refused;
  }
}
