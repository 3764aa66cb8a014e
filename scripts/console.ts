// Operators: `npm run console -- add-user|list-users|remove-user|reset-password`, console accounts
// with the site's configuration. See lib/auth/server/commands.ts; exit codes: 0 done, 1 refused,
// 2 usage or configuration.
import { text } from 'node:stream/consumers';
import { CONSOLE_EXIT, runConsoleCommand } from '../lib/auth/server/commands';
import { parseConfig } from '../lib/config';
import { loadEnvFiles } from './lib/env-files';

loadEnvFiles();

let config;
try {
  config = parseConfig(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(CONSOLE_EXIT.usage);
}

const args = process.argv.slice(2);
process.exitCode = await runConsoleCommand(
  args.filter((arg) => arg !== '--password-stdin'),
  {
    config,
    // A password from standard input (`printf %s "$PASSWORD" | npm run console -- ...`), never an argument.
    readPassword: async () => (args.includes('--password-stdin') ? (await text(process.stdin)).replace(/\r?\n$/, '') : null),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  },
);
