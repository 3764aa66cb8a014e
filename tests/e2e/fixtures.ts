// Shared e2e fixtures: import { test, expect } from './fixtures' instead of '@playwright/test'.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { SANDBOX_TOKEN, SANDBOX_URL } from './env';

/** The WCAG 2.2 AA target: every level-A/AA rule set up to 2.2 (axe tags are per version). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
export type AxeViolation = AxeResults['violations'][number];

export interface AxeHelper {
  /** A fresh AxeBuilder for the test's page, already limited to AXE_TAGS. */
  builder(): AxeBuilder;
  /** Scans the page as it is now and returns the violations (empty = passes). */
  violations(options?: { include?: string; exclude?: string[] }): Promise<AxeViolation[]>;
}

export interface ReceivedRegistration {
  sessionId: string;
  receivedAt: number;
  status: number;
  body: { data: { type: string; attributes: { fields: Array<{ id: string; value: unknown }> } & Record<string, unknown> } };
}

/** The sandbox's stats shape belongs to scripts/sandbox.ts; tests narrow what they read. */
export type SandboxStats = Record<string, unknown>;

export interface SandboxHelpers {
  /** GET /__sandbox/stats (request counters etc.); `sinceMs` limits peakPerSecond to arrivals from then on. */
  stats(sinceMs?: number): Promise<SandboxStats>;
  /** POST /__sandbox/reset: back to seed data; counters, outages and webhook subscriptions cleared. */
  reset(): Promise<void>;
  /** POST /__sandbox/outage: the next `count` API requests (all, until cleared, without one) answer with HTTP `status`; 0 clears. */
  outage(status: number, count?: number): Promise<void>;
  /** GET /__sandbox/registrations: registration bodies as they reached the sandbox, oldest first. */
  registrations(): Promise<ReceivedRegistration[]>;
  /** POST /__sandbox/sessions/:id/status: what a host does in Livestorm (start, end, cancel a session). */
  setSessionStatus(sessionId: string, status: 'upcoming' | 'live' | 'past' | 'canceled' | 'draft'): Promise<void>;
  /**
   * GET `${SANDBOX_URL}/v1${path}` as the site would (same token), returning the parsed JSON:API
   * document. Throws on a non-2xx answer. Note that these calls count in stats and use up outages.
   */
  api<T = unknown>(path: string): Promise<T>;
}

interface Fixtures {
  makeAxeBuilder: () => AxeBuilder;
  axe: AxeHelper;
  sandbox: SandboxHelpers;
}

async function readJson<T>(response: APIResponse, what: string): Promise<T> {
  if (!response.ok()) {
    throw new Error(`${what} → HTTP ${response.status()}: ${(await response.text()).slice(0, 500)}`);
  }
  return (await response.json()) as T;
}

async function expectOk(response: APIResponse, what: string): Promise<void> {
  if (!response.ok()) {
    throw new Error(`${what} → HTTP ${response.status()}: ${(await response.text()).slice(0, 500)}`);
  }
}

function sandboxHelpers(request: APIRequestContext, onOutage: () => void): SandboxHelpers {
  return {
    stats: async (sinceMs) =>
      readJson<SandboxStats>(await request.get(`/__sandbox/stats${sinceMs ? `?since=${sinceMs}` : ''}`), 'GET /__sandbox/stats'),
    reset: async () => expectOk(await request.post('/__sandbox/reset'), 'POST /__sandbox/reset'),
    outage: async (status, count) => {
      onOutage();
      await expectOk(await request.post('/__sandbox/outage', { data: count === undefined ? { status } : { status, count } }), 'POST /__sandbox/outage');
    },
    registrations: async () =>
      (await readJson<{ data: ReceivedRegistration[] }>(await request.get('/__sandbox/registrations'), 'GET /__sandbox/registrations')).data,
    setSessionStatus: async (sessionId, status) =>
      expectOk(
        await request.post(`/__sandbox/sessions/${encodeURIComponent(sessionId)}/status`, { data: { status } }),
        `POST /__sandbox/sessions/${sessionId}/status`,
      ),
    api: async <T = unknown>(apiPath: string) => {
      // The tests share the sandbox's 5 requests/second with the site: like any polite client,
      // wait out a 429 for as long as Retry-After says.
      for (let attempt = 0; ; attempt += 1) {
        const response = await request.get(`/v1${apiPath}`, {
          // Livestorm takes the raw token (no "Bearer ") and speaks JSON:API.
          headers: { Authorization: SANDBOX_TOKEN, Accept: 'application/vnd.api+json' },
        });
        if (response.status() !== 429 || attempt >= 5) return readJson<T>(response, `GET /v1${apiPath}`);
        const seconds = Number(response.headers()['retry-after'] ?? '1');
        await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(seconds) ? seconds : 1) * 1000));
      }
    },
  };
}

export const test = base.extend<Fixtures>({
  makeAxeBuilder: async ({ page }, use) => {
    await use(() => new AxeBuilder({ page }).withTags(AXE_TAGS));
  },

  axe: async ({ makeAxeBuilder }, use) => {
    await use({
      builder: makeAxeBuilder,
      violations: async (options = {}) => {
        let builder = makeAxeBuilder();
        if (options.include) builder = builder.include(options.include);
        for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
        return (await builder.analyze()).violations;
      },
    });
  },

  sandbox: async ({ playwright }, use) => {
    // Own request context: the default `request` fixture's baseURL is the site, not the sandbox.
    const request = await playwright.request.newContext({ baseURL: SANDBOX_URL });
    let outageRequested = false;
    await use(sandboxHelpers(request, () => (outageRequested = true)));
    // An outage left armed (test failed midway or did not use it all) would break later tests,
    // which share this one sandbox process.
    try {
      if (outageRequested) await expectOk(await request.post('/__sandbox/reset'), 'POST /__sandbox/reset (cleanup)');
    } finally {
      await request.dispose();
    }
  },
});

export { expect };
