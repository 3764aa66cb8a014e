import { createHash } from 'node:crypto';

// Delivery signatures (docs/livestorm-api.md §8.5), written from the reference and not shared with
// the site's verifier (lib/livestorm/webhooks.ts): the tests that check sandbox deliveries with the
// site's code then compare two independent readings of the algorithm.

export const SIGNATURE_HEADER = 'x-livestorm-signature';

/** `<unix seconds>,<hex SHA-256 of timestamp + secret + body>`: a plain hash, not an HMAC. */
export function signatureHeader(body: string, secret: string, timestampSeconds: number): string {
  const timestamp = String(Math.floor(timestampSeconds));
  const digest = createHash('sha256').update(`${timestamp}${secret}${body}`, 'utf8').digest('hex');
  return `${timestamp},${digest}`;
}
