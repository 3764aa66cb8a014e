/**
 * The sandbox's webhook signing secret unless told otherwise (`--webhook-secret`). A fixed,
 * documented development value, so the site in sandbox mode verifies the sandbox's deliveries
 * out of the box. Never a production secret: the real one comes from Livestorm.
 */
export const SANDBOX_WEBHOOK_SECRET = 'sandbox-webhook-secret';

/** Waits before each webhook delivery retry (Livestorm: 5 retries over ~20 min, §8.4 of docs/livestorm-api.md). */
export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000] as const;
