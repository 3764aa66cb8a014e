import type { Config } from '@/lib/config';
import type { SandboxInstance } from '@/lib/sandbox';
import { createLivestormClient, type ClientOptions, type LivestormClient, type Transport } from './client';

/**
 * Whether this build carries the in-process sandbox. next.config.js inlines the value: a build made
 * with LIVESTORM_API_TOKEN set is a live build, and the dead branch below takes the sandbox's
 * dynamic import, and so its code, out of the server bundle. Outside Next (scripts, tests) it is
 * unset: the sandbox is there.
 */
export function buildIncludesSandbox(): boolean {
  return process.env.BUILD_INCLUDES_SANDBOX !== 'no';
}

/** The sandbox module, loaded on first use and only in sandbox mode. */
function loadSandbox(): Promise<typeof import('@/lib/sandbox')> {
  return process.env.BUILD_INCLUDES_SANDBOX === 'no'
    ? Promise.reject(new Error('this build has no sandbox (it was built with LIVESTORM_API_TOKEN set)'))
    : import('@/lib/sandbox');
}

/**
 * The client a configuration describes: Livestorm over the network, or the in-process sandbox.
 * No `server-only`, so operator scripts (`npm run webhooks`) build the same throttled client as the
 * site; the site keeps one per process (./index.ts).
 */
export function clientFromConfig(config: Config, extra: Pick<ClientOptions, 'onRequestSent'> = {}): LivestormClient {
  return createLivestormClient({
    baseUrl: config.livestorm.baseUrl,
    token: config.livestorm.token,
    transport: transportFor(config),
    timeoutMs: config.livestorm.timeoutMs,
    maxRequestsPerSecond: config.livestorm.maxRequestsPerSecond,
    ...extra,
  });
}

function transportFor(config: Config): Transport {
  if (config.mode === 'live') return (request) => fetch(request);
  let sandbox: Promise<SandboxInstance> | null = null;
  return async (request) => {
    sandbox ??= loadSandbox().then(({ createSandbox }) =>
      createSandbox({
        token: config.livestorm.token,
        dataDir: config.sandbox.dataDir,
        webhookSecret: config.webhooks.secret ?? undefined,
      }),
    );
    return (await sandbox).handle(request);
  };
}
