import { createHmac, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { normalizeIp } from './client-ip';

/**
 * Per-address and per-e-mail limits on registrations: a flood from one network, or one address
 * registered over and over, is refused with the time to wait. Keys are keyed hashes, never the
 * address or e-mail itself.
 */

export type LimitRefusal = 'ip' | 'email';

export interface RegistrationLimits {
  maxPerIpPerHour: number;
  maxPerEmailPerHour: number;
}

export type LimitCheck = { ok: true } | { ok: false; limit: LimitRefusal; retryAfterSeconds: number };

export interface RegistrationLimiter {
  consume(input: { ip: string | null; email: string }): Promise<LimitCheck>;
}

const HOUR_SECONDS = 3600;

/** null when the point was granted, else the seconds until the window resets (also the console's sign-in limits). */
export async function takePoint(limiter: RateLimiterMemory, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (refusal) {
    // The library rejects with a RateLimiterRes when the limit is reached; anything else is a bug.
    if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    throw refusal;
  }
}

/**
 * The key an address is counted under. One IPv6 subscriber usually holds a whole /64 and can
 * rotate through it at will, so IPv6 is counted per /64.
 */
function ipBucket(ip: string): string {
  const address = normalizeIp(ip);
  if (isIP(address) !== 6) return address;
  const groups = expandIpv6(address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}

/** The eight 16-bit groups of an IPv6 address, or null if it is not one. */
function expandIpv6(address: string): string[] | null {
  let text = address.split('%')[0] ?? '';
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((g) => parseInt(g, 16).toString(16));
}

/**
 * Per-process, in-memory limits: each replica counts on its own, and counts restart with the
 * process. Good enough for a form whose real gate is Livestorm; a shared store would be next.
 */
export function createRegistrationLimiter(limits: RegistrationLimits): RegistrationLimiter {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  }
  // Keyed HMAC with a key that never leaves this process: a plain hash of an IPv4 address can be
  // reversed by trying all 2^32 of them.
  const keySalt = randomBytes(32);
  const hashKey = (kind: LimitRefusal, value: string) =>
    createHmac('sha256', keySalt).update(`${kind}\0${value}`).digest('base64url').slice(0, 22);

  const byIp = new RateLimiterMemory({ keyPrefix: 'registration-ip', points: limits.maxPerIpPerHour, duration: HOUR_SECONDS });
  const byEmail = new RateLimiterMemory({
    keyPrefix: 'registration-email',
    points: limits.maxPerEmailPerHour,
    duration: HOUR_SECONDS,
  });

  return {
    async consume({ ip, email }) {
      // IP first, and stop there when refused: a flood from one address must not use up the
      // e-mail budget of the people it names.
      if (ip !== null) {
        const retry = await takePoint(byIp, hashKey('ip', ipBucket(ip)));
        if (retry !== null) return { ok: false, limit: 'ip', retryAfterSeconds: retry };
      }
      const retry = await takePoint(byEmail, hashKey('email', email.trim().toLowerCase()));
      if (retry !== null) return { ok: false, limit: 'email', retryAfterSeconds: retry };
      return { ok: true };
    },
  };
}
