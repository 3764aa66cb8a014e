import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import {
  SANDBOX_DATA_DIR,
  SANDBOX_PORT,
  SANDBOX_URL,
  SITE_DATA_DIR,
  SITE_PORT,
  SITE_URL,
  WEBHOOK_SECRET,
  siteEnv,
} from './tests/e2e/env';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

// The site is served by `next start`, so a production build must exist. `npm test` builds it when
// sources changed; failing here beats a 120 s webServer timeout with a confusing Next error.
// Checked in the runner only: workers re-load this file, and by then `next start` already holds
// the build in memory (a concurrent rebuild must not fail every test that follows).
const isWorker = process.env.TEST_WORKER_INDEX !== undefined;
if (!isWorker && !existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
  throw new Error(
    'No production build: .next/BUILD_ID is missing. Run `npm test` (builds when needed) or `npm run build` before `npx playwright test`.',
  );
}
// Every run starts with an empty outbox and no cached copies.
if (!isWorker) rmSync(SITE_DATA_DIR, { recursive: true, force: true });

/** Chromium comes from Debian (/usr/bin/chromium); Playwright's browser download is unavailable. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox', // running as root in containers
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage', // small /dev/shm in containers crashes renderers
];

const isCI = !!process.env.CI;

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  // 2-core machine: one browser alongside next start + sandbox is what it can run reliably.
  workers: 1,
  fullyParallel: false,
  timeout: 30_000,
  reporter: 'list',
  use: {
    baseURL: SITE_URL,
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: [
    {
      name: 'sandbox',
      // The Livestorm sandbox over real HTTP, so the site exercises its real network client.
      command: `npx tsx scripts/sandbox.ts --port ${SANDBOX_PORT} --fresh --data-dir "${SANDBOX_DATA_DIR}" --webhook-secret ${WEBHOOK_SECRET}`,
      url: `${SANDBOX_URL}/__sandbox/stats`,
      cwd: ROOT,
      env: { NEXT_TELEMETRY_DISABLED: '1' },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
    },
    {
      name: 'site',
      command: `node_modules/.bin/next start -p ${SITE_PORT} -H 127.0.0.1`,
      url: `${SITE_URL}/`,
      cwd: ROOT,
      // Runtime configuration only: the same .next build also serves `npm start` (in-process sandbox).
      env: siteEnv(SITE_DATA_DIR),
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
    },
  ],
});
