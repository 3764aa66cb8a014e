// Addresses of the servers playwright.config.ts starts; tests import these instead of hard-coding.
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SITE_PORT = 3100;
export const SANDBOX_PORT = 4010;

/** The site under test: `next start` of the production build. */
export const SITE_URL = `http://127.0.0.1:${SITE_PORT}`;
/** The Livestorm sandbox over real HTTP (control endpoints live under /__sandbox). */
export const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
/** What the site is given as LIVESTORM_API_URL. */
export const SANDBOX_API_URL = `${SANDBOX_URL}/v1`;
/** What the site is given as LIVESTORM_API_TOKEN (the sandbox's accepted token). */
export const SANDBOX_TOKEN = 'sandbox-token';
/** Wiped on every run by the sandbox's --fresh flag. */
export const SANDBOX_DATA_DIR = path.join(tmpdir(), 'livestorm-e2e-sandbox');
/** The site's ISR window during e2e runs (LIVESTORM_REVALIDATE_SECONDS). */
export const REVALIDATE_SECONDS = 5;
