// Operators: `npm run webhooks -- setup|list|remove` manages the site's Livestorm webhook
// subscriptions with the site's configuration and the same throttled client. See
// lib/webhooks/commands.ts; exit codes: 0 done, 1 Livestorm refused or failed, 2 usage/configuration.
import { parseArgs } from 'node:util';
import { parseConfig } from '../lib/config';
import { clientFromConfig } from '../lib/livestorm/public';
import { EXIT, WEBHOOKS_USAGE, runWebhooksCommand } from '../lib/webhooks/commands';
import { loadEnvFiles } from './lib/env-files';

loadEnvFiles();

const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(WEBHOOKS_USAGE);
  process.exit(EXIT.ok);
}

let config;
try {
  config = parseConfig(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(EXIT.usage);
}

process.exitCode = await runWebhooksCommand(positionals[0] ?? '', {
  config,
  connect: () => clientFromConfig(config),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
