import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';
import { createSandbox } from '@/lib/sandbox';
import { createWebhook, listWebhooks } from '@/lib/livestorm/webhooks';
import { EXIT, runWebhooksCommand } from '@/lib/webhooks/commands';
import { SANDBOX_BASE, sandboxClient } from './sandbox-client';

// `npm run webhooks -- setup|list|remove` against the sandbox handler, in-process.

const TOKEN = 'cli-webhooks-token';
const SITE_URL = 'https://webinars.example.com';
const OURS = `${SITE_URL}/api/livestorm/webhooks`;
const OTHER = 'https://crm.example.com/livestorm';
const NEEDED = ['event.created', 'event.published', 'session.created', 'session.ended', 'session.started'];

const liveEnv = {
  LIVESTORM_API_TOKEN: TOKEN,
  LIVESTORM_API_URL: `${SANDBOX_BASE}/v1`,
  SITE_URL,
  LIVESTORM_WEBHOOK_SECRET: 'cli-secret',
};

function setup(env: Record<string, string> = liveEnv) {
  const sandbox = createSandbox({ token: TOKEN, requestsPerSecond: 1000 });
  const client = sandboxClient(sandbox, TOKEN);
  const lines: string[] = [];
  const errors: string[] = [];
  let connected = 0;
  const run = (command: string) =>
    runWebhooksCommand(command, {
      config: parseConfig(env),
      connect: () => {
        connected += 1;
        return client;
      },
      out: (line) => lines.push(line),
      err: (line) => errors.push(line),
    });
  const subscriptions = async () => (await listWebhooks(client)).map((w) => `${w.event} ${w.url}`).sort();
  return { sandbox, client, run, lines, errors, subscriptions, connected: () => connected };
}

describe('npm run webhooks', () => {
  it('setup subscribes exactly the needed events, idempotently, leaving other tools alone', async () => {
    const { client, run, lines, subscriptions } = setup();
    await createWebhook(client, OTHER, 'people.registered');
    await createWebhook(client, OURS, 'people.registered'); // ours, but not needed any more
    await createWebhook(client, OURS, 'session.created');

    expect(await run('setup')).toBe(EXIT.ok);
    expect(await subscriptions()).toEqual([...NEEDED.map((event) => `${event} ${OURS}`), `people.registered ${OTHER}`].sort());
    expect(lines.at(-1)).toBe('4 created, 1 already present, 1 removed; 1 other subscription(s) left alone.');
    expect(lines.filter((line) => line.includes('removed  people.registered'))).toHaveLength(1);

    lines.length = 0;
    expect(await run('setup')).toBe(EXIT.ok);
    expect(lines.at(-1)).toBe('0 created, 5 already present, 0 removed; 1 other subscription(s) left alone.');
    expect((await subscriptions()).length).toBe(6);
  });

  it('list shows every subscription, marks the site\'s own and says what is missing', async () => {
    const { client, run, lines } = setup();
    await createWebhook(client, OTHER, 'session.started');
    await createWebhook(client, OURS, 'session.started');
    expect(await run('list')).toBe(EXIT.ok);
    expect(lines[0]).toContain('2 webhook subscription(s)');
    expect(lines.filter((line) => line.endsWith('[this site]'))).toEqual([expect.stringContaining(OURS)]);
    expect(lines.at(-1)).toBe('Missing for this site: session.created, session.ended, event.created, event.published (run: npm run webhooks -- setup)');
  });

  it('remove deletes only the site\'s own subscriptions', async () => {
    const { client, run, lines, subscriptions } = setup();
    await createWebhook(client, OTHER, 'session.started');
    expect(await run('setup')).toBe(EXIT.ok);
    expect(await run('remove')).toBe(EXIT.ok);
    expect(lines.at(-1)).toBe(`5 subscription(s) of ${OURS} removed.`);
    expect(await subscriptions()).toEqual([`session.started ${OTHER}`]);
  });

  it.each([
    ['no token (sandbox mode)', {}, 'setup', 'LIVESTORM_API_TOKEN is not set'],
    ['no webhook secret', { ...liveEnv, LIVESTORM_WEBHOOK_SECRET: '' }, 'setup', 'LIVESTORM_WEBHOOK_SECRET is not set'],
    ['an http SITE_URL for the real API', { LIVESTORM_API_TOKEN: TOKEN, LIVESTORM_WEBHOOK_SECRET: 's', SITE_URL: 'http://webinars.example.com' }, 'setup', 'must be an https URL'],
    ['this machine as SITE_URL for the real API', { LIVESTORM_API_TOKEN: TOKEN, LIVESTORM_WEBHOOK_SECRET: 's', SITE_URL: 'https://localhost' }, 'setup', 'Livestorm cannot reach it'],
    ['an unknown command', liveEnv, 'install', 'Unknown command "install"'],
    ['no command', liveEnv, '', 'Usage: npm run webhooks -- <command>'],
  ])('refuses %s with exit 2, before any call', async (_label, env, command, message) => {
    const { run, errors, connected } = setup(env);
    expect(await run(command)).toBe(EXIT.usage);
    expect(errors.join('\n')).toContain(message);
    expect(connected()).toBe(0);
  });

  it('exits 1 with a hint when Livestorm refuses the token', async () => {
    const sandbox = createSandbox({ token: 'another-token', requestsPerSecond: 1000 });
    const errors: string[] = [];
    const code = await runWebhooksCommand('list', {
      config: parseConfig(liveEnv),
      connect: () => sandboxClient(sandbox, TOKEN),
      out: () => undefined,
      err: (line) => errors.push(line),
    });
    expect(code).toBe(EXIT.upstream);
    expect(errors.join('\n')).toContain('Webhooks scope');
    expect(errors.join('\n')).not.toContain(TOKEN);
  });

  it('runs as a script: exit 2 and a clear message without a token', { timeout: 30_000 }, () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    // A blank token is no token (the site's own rule).
    const env = { ...process.env, LIVESTORM_API_TOKEN: '' };
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/webhooks.ts', 'setup'], { cwd: root, env, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('LIVESTORM_API_TOKEN is not set');
  });
});
