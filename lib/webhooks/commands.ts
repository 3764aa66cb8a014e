import type { Config } from '@/lib/config';
import { LivestormError, listWebhooks, type LivestormClient, type WebhookSubscription } from '@/lib/livestorm/public';
import { isSameUrl, removeSiteSubscriptions, siteWebhookUrl, syncSiteSubscriptions } from './subscriptions';
import { SUBSCRIBED_WEBHOOK_EVENTS } from './tags';

/** `npm run webhooks -- setup|list|remove`: the operators' side of Livestorm webhooks. */

export const WEBHOOKS_USAGE = [
  'Usage: npm run webhooks -- <command>',
  '  setup   subscribe SITE_URL/api/livestorm/webhooks to exactly the events the site needs (idempotent)',
  '  list    show the workspace\'s webhook subscriptions, marking the site\'s own',
  '  remove  delete the site\'s own subscriptions (others are left alone)',
  'Reads the site\'s configuration (LIVESTORM_API_TOKEN, LIVESTORM_API_URL, SITE_URL, LIVESTORM_WEBHOOK_SECRET).',
].join('\n');

/** 0 done; 1 Livestorm refused or failed; 2 usage or configuration. */
export const EXIT = { ok: 0, upstream: 1, usage: 2 } as const;

const COMMANDS = ['setup', 'list', 'remove'] as const;
type Command = (typeof COMMANDS)[number];

export interface CommandContext {
  config: Config;
  /** Called only once the configuration passed its checks. */
  connect: () => LivestormClient;
  out: (line: string) => void;
  err: (line: string) => void;
}

function isLivestormItself(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname;
    return host === 'livestorm.co' || host.endsWith('.livestorm.co');
  } catch {
    return false;
  }
}

/** Why this configuration cannot run the command, or null. */
export function configurationProblem(command: Command, config: Config): string | null {
  if (config.mode === 'sandbox') {
    return (
      'LIVESTORM_API_TOKEN is not set, so the site runs on its in-process sandbox, which subscribes the site by itself at ' +
      'start-up. Set LIVESTORM_API_TOKEN (a token with the Webhooks scope) and SITE_URL to manage Livestorm\'s webhooks.'
    );
  }
  if (command !== 'setup') return null;
  if (config.webhooks.secret === null) {
    return 'LIVESTORM_WEBHOOK_SECRET is not set: the site would refuse every delivery and Livestorm would disable the subscriptions. Set it first.';
  }
  if (isLivestormItself(config.livestorm.baseUrl)) {
    const site = new URL(config.site.url);
    if (site.protocol !== 'https:') return `SITE_URL must be an https URL Livestorm can reach (Livestorm only accepts https webhooks), got ${config.site.url}`;
    if (['localhost', '127.0.0.1', '[::1]'].includes(site.hostname)) return `SITE_URL ${config.site.url} is this machine: Livestorm cannot reach it`;
  }
  return null;
}

function subscriptionLine(subscription: WebhookSubscription, ours: boolean): string {
  return `  ${subscription.event.padEnd(22)} ${subscription.url}  (id ${subscription.id})${ours ? '  [this site]' : ''}`;
}

function explain(error: unknown): string {
  if (!(error instanceof LivestormError)) return error instanceof Error ? error.message : String(error);
  if (error.kind === 'unauthorized' || error.kind === 'forbidden') {
    return `${error.message}\nThe token needs the Webhooks scope (read to list; write to set up or remove).`;
  }
  return error.message;
}

export async function runWebhooksCommand(command: string, context: CommandContext): Promise<number> {
  const { config, out, err } = context;
  if (!(COMMANDS as readonly string[]).includes(command)) {
    err(command ? `Unknown command "${command}".\n${WEBHOOKS_USAGE}` : WEBHOOKS_USAGE);
    return EXIT.usage;
  }
  const problem = configurationProblem(command as Command, config);
  if (problem) {
    err(problem);
    return EXIT.usage;
  }
  const url = siteWebhookUrl(config.site.url);
  const client = context.connect();
  try {
    switch (command as Command) {
      case 'setup': {
        const sync = await syncSiteSubscriptions(client, url);
        out(`Webhooks of ${url} (${config.livestorm.baseUrl}):`);
        for (const s of sync.created) out(`  created  ${s.event} (id ${s.id})`);
        for (const s of sync.kept) out(`  present  ${s.event} (id ${s.id})`);
        for (const s of sync.removed) out(`  removed  ${s.event} (id ${s.id}; not needed)`);
        out(`${sync.created.length} created, ${sync.kept.length} already present, ${sync.removed.length} removed; ${sync.others.length} other subscription(s) left alone.`);
        return EXIT.ok;
      }
      case 'list': {
        const all = await listWebhooks(client);
        out(`${all.length} webhook subscription(s) in the workspace (${config.livestorm.baseUrl}); this site's URL is ${url}`);
        for (const s of all) out(subscriptionLine(s, isSameUrl(s.url, url)));
        const missing = SUBSCRIBED_WEBHOOK_EVENTS.filter((event) => !all.some((s) => s.event === event && isSameUrl(s.url, url)));
        if (missing.length > 0) out(`Missing for this site: ${missing.join(', ')} (run: npm run webhooks -- setup)`);
        return EXIT.ok;
      }
      case 'remove': {
        const removed = await removeSiteSubscriptions(client, url);
        for (const s of removed) out(`  removed  ${s.event} (id ${s.id})`);
        out(`${removed.length} subscription(s) of ${url} removed.`);
        return EXIT.ok;
      }
    }
  } catch (error) {
    err(`Livestorm refused or failed: ${explain(error)}`);
    return EXIT.upstream;
  }
}
