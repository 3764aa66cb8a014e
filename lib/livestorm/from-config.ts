import type { Config } from '../config';
import { createLivestormClient, type ClientOptions, type LivestormClient, type Transport } from './client';
import { createSandbox } from './sandbox';

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
  const sandbox = createSandbox({
    token: config.livestorm.token,
    dataDir: config.sandbox.dataDir,
    webhookSecret: config.webhooks.secret ?? undefined,
  });
  return (request) => sandbox.handle(request);
}
