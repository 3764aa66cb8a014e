/**
 * The sandbox's webhook signing secret unless told otherwise (`--webhook-secret`). A fixed,
 * documented development value, so the site in sandbox mode verifies the sandbox's deliveries
 * out of the box. Never a production secret: the real one comes from Livestorm.
 */
export const SANDBOX_WEBHOOK_SECRET = 'sandbox-webhook-secret';
