// Benchmark: the built site on the HTTP sandbox, side by side with a static file from the same
// server, plus what page views cost upstream. Prints figures; asserts nothing.
// Usage: npm run bench [-- --seconds 10 --connections 20]
//        [--monthly-views 100000 --webhooks-per-day 20 --monthly-registrations 1000 --share-422 0.05]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { DEFAULT_COALESCE_SECONDS } from '../lib/cache/tagged-cache';
import { parseConfig } from '../lib/config';
import { SEED_EVENTS } from '../lib/sandbox';
import { LIVESTORM_MONTHLY_QUOTA, QUOTA_PERIOD_SECONDS, projectMonthlyCalls } from '../lib/quota';
import { ROOT, ensureBuild, ensureDeps, localBin } from './lib/prepare.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    'site-port': { type: 'string', default: '3200' },
    'sandbox-port': { type: 'string', default: '4020' },
    registrations: { type: 'string', default: '100' },
    // Assumptions of the monthly projection.
    'monthly-views': { type: 'string', default: '100000' },
    'webhooks-per-day': { type: 'string', default: '20' },
    'monthly-registrations': { type: 'string', default: '1000' },
    'share-422': { type: 'string', default: '0.05' },
  },
});
const REGISTRATIONS = Number(values.registrations);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const SITE = `http://127.0.0.1:${values['site-port']}`;
const SANDBOX = `http://127.0.0.1:${values['sandbox-port']}`;
const TOKEN = 'bench-token';
const WEBHOOK_SECRET = 'bench-webhook-secret';

const children: ChildProcess[] = [];
function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  return child;
}
function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

async function waitFor(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

async function upstreamCalls(): Promise<number> {
  const stats = (await (await fetch(`${SANDBOX}/__sandbox/stats`)).json()) as { requests: number };
  return stats.requests;
}

interface Figure {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  upstream: number;
}

async function load(name: string, urlPath: string): Promise<Figure> {
  const before = await upstreamCalls();
  const result = await autocannon({ url: `${SITE}${urlPath}`, connections: CONNECTIONS, duration: SECONDS });
  const upstream = (await upstreamCalls()) - before;
  return {
    name,
    path: urlPath,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    upstream,
  };
}

async function main() {
  await ensureDeps();
  await ensureBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'livestorm-bench-'));
  try {
    start(
      localBin('tsx'),
      ['scripts/sandbox.ts', '--port', String(values['sandbox-port']), '--fresh', '--data-dir', path.join(dataDir, 'sandbox'), '--token', TOKEN, '--webhook-secret', WEBHOOK_SECRET],
      {},
    );
    await waitFor(`${SANDBOX}/__sandbox/stats`);
    const siteEnv = {
      NEXT_TELEMETRY_DISABLED: '1',
      LIVESTORM_API_TOKEN: TOKEN,
      LIVESTORM_API_URL: `${SANDBOX}/v1`,
      SITE_URL: SITE,
      DATA_DIR: path.join(dataDir, 'site'),
      LIVESTORM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      // The burst below comes from one machine: every registration gets its own forwarded address.
      TRUST_PROXY: 'true',
      REGISTRATION_MIN_FILL_SECONDS: '1',
    };
    start(localBin('next'), ['start', '-p', String(values['site-port']), '-H', '127.0.0.1'], siteEnv);
    await waitFor(`${SITE}/`);
    // The interval the site chose, as it logs it at boot (LIVESTORM_REVALIDATE_SECONDS from the environment wins).
    const siteConfig = parseConfig({ ...process.env, ...siteEnv });
    await subscribeSite(siteEnv);

    const home = await (await fetch(`${SITE}/`)).text();
    const eventPath = home.match(/href="(\/events\/[^"]+)"/)?.[1];
    const staticPath = home.match(/href="(\/_next\/static\/[^"]+\.css)"/)?.[1];
    if (!eventPath || !staticPath) throw new Error('could not find an event link and a static file on /');
    await fetch(`${SITE}${eventPath}`);

    const figures = [
      await load('static file (same server)', staticPath),
      await load('listing /', '/'),
      await load('event page', eventPath),
      await load('embed list /embed/events', '/embed/events'),
      await load('embed form', `/embed${eventPath}/register`),
    ];
    const [staticFile] = figures;
    const pageViews = figures.slice(1).reduce((sum, f) => sum + f.requests, 0);
    const pageUpstream = figures.slice(1).reduce((sum, f) => sum + f.upstream, 0);

    console.log(`\nBenchmark: ${SECONDS} s per target, ${CONNECTIONS} connections, next start on the HTTP sandbox (2-core machine)\n`);
    console.log('target                      req/s     ratio   p50 ms   p99 ms   requests   errors   upstream calls');
    for (const f of figures) {
      console.log(
        `${f.name.padEnd(26)} ${f.requestsPerSecond.toFixed(0).padStart(6)}   ${(f.requestsPerSecond / staticFile!.requestsPerSecond).toFixed(2).padStart(6)}   ${String(f.p50).padStart(6)}   ${String(f.p99).padStart(6)}   ${String(f.requests).padStart(8)}   ${String(f.errors).padStart(6)}   ${String(f.upstream).padStart(6)}`,
      );
    }
    console.log(`\n${await loaderSize()}`);
    const burst = await registrationBurst(home);
    console.log(
      `\nRegistrations: ${burst.count} posted by ${CONNECTIONS} concurrent visitors without JavaScript: ` +
        `${burst.acceptedPerSecond.toFixed(1)} accepted/s (answer p50 ${burst.p50} ms, p99 ${burst.p99} ms, ${burst.refused} refused); ` +
        `all delivered to Livestorm ${(burst.drainMs / 1000).toFixed(1)} s after the first post ` +
        `(${(burst.count / (burst.drainMs / 1000)).toFixed(2)}/s; upstream peak ${burst.peakPerSecond} requests in any second, ${burst.throttled} throttled).`,
    );
    console.log(`\nUpstream Livestorm calls per 1,000 page views: ${((pageUpstream / Math.max(1, pageViews)) * 1000).toFixed(3)} (${pageUpstream} calls for ${pageViews} views, revalidation window ${siteConfig.livestorm.revalidateSeconds} s)`);
    const hooked = await loadWithWebhooks();
    console.log(
      `Upstream Livestorm calls per 1,000 page views with webhooks on: ${((hooked.calls / Math.max(1, hooked.views)) * 1000).toFixed(3)} ` +
        `(${hooked.calls} calls for ${hooked.views} views of / while the sandbox sent ${hooked.delivered} webhooks (session.created), ` +
        `coalesced into ${hooked.calls / 2} refreshes of 2 calls; each new session on / ${hooked.visibleAfterMs.join(', ')} ms after its creation)`,
    );
    printProjection(siteConfig.livestorm.revalidateSeconds, siteConfig.livestorm.monthlyReadBudget);
    await importDryRun(50_000);
  } finally {
    stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * An import's dry run on a 50,000-row list, in a process of its own so its memory is its own: the
 * rows are streamed from a file through the same reader and checks as the console and the CLI.
 */
async function importDryRun(rows: number) {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/lib/bench-import-dry-run.ts', String(rows)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the import dry run exited with ${code}`);
  const result = JSON.parse(out.trim().split('\n').at(-1)!) as { rows: number; valid: number; problems: number; seconds: number; beforeMb: number; peakMb: number };
  console.log(
    `\nImport dry run: ${result.rows.toLocaleString('en-US')} rows (UTF-8 with BOM, semicolons, 2% duplicates, 1% bad addresses) read and checked in ` +
      `${result.seconds.toFixed(1)} s (${Math.round(result.rows / result.seconds).toLocaleString('en-US')} rows/s): ${result.valid.toLocaleString('en-US')} valid, ` +
      `${result.problems.toLocaleString('en-US')} reported; peak memory ${Math.round(result.peakMb - result.beforeMb)} MB above the process before it (target ≤ 150 MB).`,
  );
}

/** Subscribes the site to the sandbox's webhooks as an operator would, with the CLI (its calls come before any measurement). */
async function subscribeSite(env: Record<string, string>) {
  const cli = spawn(localBin('tsx'), ['scripts/webhooks.ts', 'setup'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const code = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
  if (code !== 0) throw new Error(`npm run webhooks -- setup exited with ${code}`);
}

/**
 * Load on / while the sandbox sends webhooks: one new session at 10% of the run, a burst of three
 * around 30%, one at 60% and one at 90%. Calls are counted until the trailing refresh has landed.
 */
async function loadWithWebhooks() {
  const before = await upstreamCalls();
  const startedAt = Date.now();
  const visibleAfterMs: number[] = [];
  /** Creates a session (session.created), then watches / until it shows. */
  const createSession = async (i: number) => {
    const startsAt = Math.floor(Date.now() / 1000) + (7 + i) * 86_400;
    const response = await fetch(`${SANDBOX}/__sandbox/events/${SEED_EVENTS.apiIntegrations.id}/sessions`, {
      method: 'POST',
      body: JSON.stringify({ startsAt, name: `Bench webhook ${i}` }),
    });
    const { id } = ((await response.json()) as { data: { id: string } }).data;
    const at = Date.now();
    while (!(await (await fetch(`${SITE}/?q=${encodeURIComponent(`Bench webhook ${i}`)}`)).text()).includes(id)) {
      if (Date.now() - at > 30_000) throw new Error(`session ${i} did not show on / within 30 s of its webhook`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    visibleAfterMs.push(Date.now() - at);
  };
  const schedule = [0.1, 0.3, 0.32, 0.34, 0.6, 0.9].map(
    (share, i) => new Promise<void>((resolve) => setTimeout(() => void createSession(i).then(resolve), share * SECONDS * 1000)),
  );
  const [result] = await Promise.all([autocannon({ url: `${SITE}/`, connections: CONNECTIONS, duration: SECONDS }), ...schedule]);
  // The last webhook's refresh may wait out the coalescing window: wait until the calls stop.
  let calls = (await upstreamCalls()) - before;
  for (let quiet = 0; quiet < 3; ) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = (await upstreamCalls()) - before;
    quiet = now === calls ? quiet + 1 : 0;
    calls = now;
  }
  const deliveries = ((await (await fetch(`${SANDBOX}/__sandbox/webhook-deliveries`)).json()) as { data: Array<{ status: string; createdAt: number }> }).data;
  return {
    calls,
    views: result.requests.total,
    delivered: deliveries.filter((d) => d.createdAt >= startedAt && d.status === 'delivered').length,
    visibleAfterMs,
  };
}

function printProjection(revalidateSeconds: number, readBudget: number) {
  const views = Number(values['monthly-views']);
  const webhooksPerDay = Number(values['webhooks-per-day']);
  const registrations = Number(values['monthly-registrations']);
  const share422 = Number(values['share-422']);
  const p = projectMonthlyCalls({
    revalidateSeconds,
    monthlyViews: views,
    webhooksPerDay,
    coalesceSeconds: DEFAULT_COALESCE_SECONDS,
    monthlyRegistrations: registrations,
    unprocessableShare: share422,
  });
  const n = (value: number) => value.toLocaleString('en-US');
  console.log(
    [
      `\nProjected Livestorm calls per 30 days (--monthly-views ${n(views)} --webhooks-per-day ${webhooksPerDay} --monthly-registrations ${n(registrations)} --share-422 ${share422}):`,
      `  safety net     min(${n(views)} views, ${n(QUOTA_PERIOD_SECONDS)} s / ${n(revalidateSeconds)} s) = ${n(p.safetyNetRefreshes)} refreshes × ${p.callsPerRefresh} calls = ${n(p.safetyNetRefreshes * p.callsPerRefresh)}`,
      `  webhooks       min(${webhooksPerDay}/day × 30, ${n(QUOTA_PERIOD_SECONDS)} s / ${DEFAULT_COALESCE_SECONDS} s coalescing) = ${n(p.webhookRefreshes)} refreshes × ${p.callsPerRefresh} calls = ${n(p.webhookRefreshes * p.callsPerRefresh)}`,
      `  registrations  ${n(registrations)} × (1 POST + ${share422} × up to 3 look-ups on a 422) = ${n(p.registrationCalls)}`,
      `  field labels   1 read a day = ${p.fieldLabelCalls}`,
      `  total          ${n(p.total)} of Livestorm's ${n(LIVESTORM_MONTHLY_QUOTA)}; reads ${n(p.refreshCalls + p.fieldLabelCalls)} of the ${n(readBudget)} read budget`,
    ].join('\n'),
  );
}

/** The embed loader as marketers' visitors download it: raw, gzip and brotli, and as served. */
async function loaderSize(): Promise<string> {
  const raw = readFileSync('public/embed.js');
  const served = await fetch(`${SITE}/embed.js`, { headers: { 'Accept-Encoding': 'gzip' } });
  const transferred = Number(served.headers.get('content-length') ?? (await served.arrayBuffer()).byteLength);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
  return (
    `Embed loader public/embed.js: ${kb(raw.byteLength)} raw, ${kb(gzipSync(raw, { level: 9 }).byteLength)} gzip -9, ` +
    `${kb(brotliCompressSync(raw).byteLength)} brotli; served by next start as ${served.headers.get('content-encoding') ?? 'identity'} ` +
    `(${served.headers.get('content-length') ? kb(transferred) : 'chunked'}), cache-control "${served.headers.get('cache-control')}"`
  );
}

const ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&#x27;': "'", '&lt;': '<', '&gt;': '>' };
const decode = (text: string) => text.replace(/&(quot|amp|#x27|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);

/** Posts registrations as browsers without JavaScript do, then waits until Livestorm has them all. */
async function registrationBurst(home: string) {
  const eventPath = home.match(/href="(\/events\/api-integrations[^"]+)"/)?.[1] ?? home.match(/href="(\/events\/[^"]+)"/)![1]!;
  const page = await (await fetch(`${SITE}${eventPath}`)).text();
  const form = page.slice(page.indexOf('id="registration-form"'));
  const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [decode(m[1]!), decode(m[2] ?? '')] as const);
  // Several sessions are checkboxes (the soonest preselected): choose the first, as a visitor would.
  const firstSession = form.match(/data-session-id="([^"]+)"/)?.[1];
  if (firstSession && !hidden.some(([name]) => name === 'sessionIds')) hidden.push(['sessionIds', firstSession]);
  await new Promise((resolve) => setTimeout(resolve, 1_100)); // the form's minimum fill time
  const received = async () => ((await (await fetch(`${SANDBOX}/__sandbox/registrations`)).json()) as { data: Array<{ status: number }> }).data;
  const before = (await received()).filter((item) => item.status === 201).length;
  const startedAt = Date.now();
  const latencies: number[] = [];
  let refused = 0;
  let next = 0;
  async function visitor() {
    while (next < REGISTRATIONS) {
      const i = next++;
      const body = new FormData();
      for (const [name, value] of hidden) body.append(name, value);
      body.append('answers.email', `bench.${startedAt}.${i}@example.com`);
      body.append('answers.first_name', 'Bench');
      body.append('answers.last_name', `Visitor ${i}`);
      const sent = Date.now();
      const response = await fetch(`${SITE}${eventPath}`, {
        method: 'POST',
        body,
        redirect: 'manual',
        // A browser's form post carries its Origin; Next refuses server-action posts without one.
        headers: { Origin: SITE, 'X-Forwarded-For': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
      });
      await response.arrayBuffer();
      latencies.push(Date.now() - sent);
      if (response.status !== 303) refused += 1;
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONNECTIONS, REGISTRATIONS) }, visitor));
  const acceptedPerSecond = (REGISTRATIONS - refused) / ((Date.now() - startedAt) / 1000);
  let drainMs = 0;
  for (;;) {
    const delivered = (await received()).filter((item) => item.status === 201).length - before;
    if (delivered >= REGISTRATIONS - refused) {
      drainMs = Date.now() - startedAt;
      break;
    }
    if (Date.now() - startedAt > 300_000) throw new Error(`only ${delivered} registrations delivered after 300 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const stats = (await (await fetch(`${SANDBOX}/__sandbox/stats?since=${startedAt}`)).json()) as { peakPerSecond: number; throttled: number };
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { count: REGISTRATIONS, refused, acceptedPerSecond, p50: at(0.5), p99: at(0.99), drainMs, ...stats };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
