// Addresses of the servers playwright.config.ts starts; tests import these instead of hard-coding.
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A port from the environment, else the default: lets two checkouts run their suites side by side. */
function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? '');
  return Number.isInteger(value) && value > 0 && value < 65_536 ? value : fallback;
}

export const SITE_PORT = port('E2E_SITE_PORT', 3100);
export const SANDBOX_PORT = port('E2E_SANDBOX_PORT', 4010);
/** Wiped at the start of every run, so a run on other ports keeps its state apart ('' on the defaults). */
const RUN_SUFFIX = SITE_PORT === 3100 && SANDBOX_PORT === 4010 ? '' : `-${SITE_PORT}-${SANDBOX_PORT}`;

/** The site under test: `next start` of the production build. */
export const SITE_URL = `http://127.0.0.1:${SITE_PORT}`;
/** The Livestorm sandbox over real HTTP (control endpoints live under /__sandbox). */
export const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
/** What the site is given as LIVESTORM_API_URL. */
export const SANDBOX_API_URL = `${SANDBOX_URL}/v1`;
/** What the site is given as LIVESTORM_API_TOKEN (the sandbox's accepted token). */
export const SANDBOX_TOKEN = 'sandbox-token';
/** The sandbox signs its webhooks with this (--webhook-secret); the site verifies with it (LIVESTORM_WEBHOOK_SECRET). */
export const WEBHOOK_SECRET = 'e2e-webhook-secret';
/** Wiped on every run by the sandbox's --fresh flag. */
export const SANDBOX_DATA_DIR = path.join(tmpdir(), `livestorm-e2e-sandbox${RUN_SUFFIX}`);
/** The site's ISR window during e2e runs (LIVESTORM_REVALIDATE_SECONDS). */
export const REVALIDATE_SECONDS = 5;
/** How often open pages poll /api/sessions/status during e2e runs (LIVE_STATUS_POLL_SECONDS). */
export const LIVE_STATUS_POLL_SECONDS = 2;
/** The site's own local state (registration outbox, cached copies); wiped before each run. */
export const SITE_DATA_DIR = path.join(tmpdir(), `livestorm-e2e-site${RUN_SUFFIX}`);
/** Marketing consent as configured for e2e: shown on the event whose form has this consent field. */
export const CONSENT = {
  text: 'Yes, send me product news and webinar invitations.',
  privacyUrl: 'https://www.example.com/privacy',
  fieldId: 'newsletter_optin',
} as const;
// Every other server a run starts listens on SITE_PORT + 1 to + 9, so suites on other ports never meet.
/** A second site a test kills and restarts (registration outbox). */
export const RESTART_SITE_PORT = SITE_PORT + 1;
/** A second site subscribed to the sandbox's webhooks, with a long revalidation interval. */
export const WEBHOOK_SITE_PORT = SITE_PORT + 2;
/** The same build without a token, as `npm start` on a fresh clone runs it (in-process sandbox). */
export const SANDBOX_MODE_SITE_PORT = SITE_PORT + 3;
/** A marketer's site that may frame the embeds (EMBED_ALLOWED_ORIGINS), and one that may not. */
export const EMBED_HOST_URL = `http://127.0.0.1:${SITE_PORT + 8}`;
export const FOREIGN_HOST_URL = `http://127.0.0.1:${SITE_PORT + 9}`;
/** Password of the operators' status page (/status, /status.json) during e2e. */
export const STATUS_SECRET = 'e2e-status-secret-0123456789abcdef';
/** Per-IP registrations an hour during e2e (tests send X-Forwarded-For; TRUST_PROXY is on). */
export const MAX_PER_IP_PER_HOUR = 5;

/** Environment of a site under test (also used by tests that start a second site of their own). */
export function siteEnv(dataDir: string): Record<string, string> {
  return {
    LIVESTORM_API_URL: SANDBOX_API_URL,
    LIVESTORM_API_TOKEN: SANDBOX_TOKEN,
    SITE_URL,
    NEXT_TELEMETRY_DISABLED: '1',
    // Explicit, so it wins over the interval webhooks would derive from the read budget.
    LIVESTORM_REVALIDATE_SECONDS: String(REVALIDATE_SECONDS),
    LIVE_STATUS_POLL_SECONDS: String(LIVE_STATUS_POLL_SECONDS),
    LIVESTORM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    DATA_DIR: dataDir,
    REGISTRATION_MIN_FILL_SECONDS: '1',
    REGISTRATION_SHOW_JOIN_LINK: 'true',
    REGISTRATION_CONSENT_TEXT: CONSENT.text,
    REGISTRATION_PRIVACY_URL: CONSENT.privacyUrl,
    REGISTRATION_CONSENT_FIELD: CONSENT.fieldId,
    REGISTRATION_MAX_PER_IP_PER_HOUR: String(MAX_PER_IP_PER_HOUR),
    REGISTRATION_MAX_PER_EMAIL_PER_HOUR: '5',
    TRUST_PROXY: 'true',
    EMBED_ALLOWED_ORIGINS: `${EMBED_HOST_URL}, https://*.example.org`,
    STATUS_SECRET,
  };
}
