import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The registration form's signed token: it carries the time the form was shown, so a form sent back
 * quicker than a person could fill it is refused as automated (no puzzle). Pure: the secret and the
 * clock come in as arguments, so every rule is unit-tested without a server.
 *
 * Layout: version (1 byte) | issue time in ms (6 bytes) | HMAC-SHA256 of those 7 bytes.
 */

export type TokenRefusal = 'missing' | 'invalid' | 'too_fast' | 'expired';

export type TokenCheck = { ok: true } | { ok: false; reason: TokenRefusal };

const TOKEN_VERSION = 1;
const TIME_BYTES = 6;
const HEADER_BYTES = 1 + TIME_BYTES;
const MAC_BYTES = 32;
// 39 bytes is a multiple of 3, so base64url has no padding bits: a token has exactly one spelling
// and flipping any character changes the bytes.
const TOKEN_BYTES = HEADER_BYTES + MAC_BYTES;
const TOKEN_LENGTH = (TOKEN_BYTES / 3) * 4;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]+$/;
// Binds the MAC to this use, so the same secret can sign something else later without confusion.
const TOKEN_CONTEXT = 'registration-form-token\0';
// A genuine token can come from slightly in the future only when instances' clocks disagree.
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const MAX_TIME = 2 ** (8 * TIME_BYTES) - 1;

function tokenMac(secret: string, header: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(TOKEN_CONTEXT).update(header).digest();
}

/** Signs the time the form was shown; render the result into a hidden input. */
export function issueFormToken(secret: string, nowMs: number): string {
  if (secret === '') throw new Error('issueFormToken: the secret is empty');
  const issuedAt = Math.floor(nowMs);
  if (!Number.isFinite(issuedAt) || issuedAt < 0 || issuedAt > MAX_TIME) {
    throw new RangeError(`issueFormToken: nowMs out of range (${nowMs})`);
  }
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt8(TOKEN_VERSION, 0);
  header.writeUIntBE(issuedAt, 1, TIME_BYTES);
  return Buffer.concat([header, tokenMac(secret, header)]).toString('base64url');
}

/**
 * Checks a submitted token. On `too_fast`, send the same token back with the form (do not issue a
 * new one), or a visitor who resubmits at once would be refused again and again.
 */
export function checkFormToken(
  token: string | null,
  secret: string,
  nowMs: number,
  minFillSeconds: number,
  maxAgeSeconds = 24 * 3600,
): TokenCheck {
  if (token === null || token.trim() === '') return { ok: false, reason: 'missing' };
  // Buffer.from(…, 'base64url') skips characters it does not know, so check the alphabet first.
  if (token.length !== TOKEN_LENGTH || !TOKEN_PATTERN.test(token)) return { ok: false, reason: 'invalid' };
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== TOKEN_BYTES || bytes[0] !== TOKEN_VERSION) return { ok: false, reason: 'invalid' };
  const header = bytes.subarray(0, HEADER_BYTES);
  if (!timingSafeEqual(tokenMac(secret, header), bytes.subarray(HEADER_BYTES))) {
    return { ok: false, reason: 'invalid' };
  }
  const elapsedMs = nowMs - header.readUIntBE(1, TIME_BYTES);
  if (elapsedMs < -MAX_CLOCK_SKEW_MS) return { ok: false, reason: 'invalid' };
  if (elapsedMs > maxAgeSeconds * 1000) return { ok: false, reason: 'expired' };
  // 0 turns the check off, including for a token a skewed peer dated a little ahead.
  if (minFillSeconds > 0 && elapsedMs < minFillSeconds * 1000) return { ok: false, reason: 'too_fast' };
  return { ok: true };
}
