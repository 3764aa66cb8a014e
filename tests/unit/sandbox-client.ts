// The real Livestorm client on an in-process sandbox: fast limits and retries, no network.
import { createLivestormClient, type LivestormClient } from '@/lib/livestorm/client';
import type { Sandbox } from '@/lib/sandbox';

export const SANDBOX_BASE = 'http://sandbox.internal';

export function sandboxClient(sandbox: Sandbox, token: string): LivestormClient {
  return createLivestormClient({
    baseUrl: `${SANDBOX_BASE}/v1`,
    token,
    transport: (request) => sandbox.handle(request),
    timeoutMs: 2_000,
    maxRequestsPerSecond: 1000,
    minRetryDelayMs: 1,
    maxRetryDelayMs: 5,
    deadlineMs: 5_000,
  });
}
