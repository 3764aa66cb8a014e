/**
 * The registration form's anti-abuse layer, without a puzzle: a signed form token that enforces a
 * minimum fill time, a honeypot field, and per-address / per-e-mail rate limits.
 *
 * Pure on purpose (no `server-only`, no next/*): the server action passes in the secret, the
 * clock, the headers and the limits, so every rule here is unit-tested without a server.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export type TokenRefusal = 'missing' | 'invalid' | 'too_fast' | 'expired';
export type LimitRefusal = 'ip' | 'email';
/** Every reason the form can be refused for; `abuseMessage` turns each into words. */
export type AbuseReason = 'honeypot' | TokenRefusal | LimitRefusal;

export type TokenCheck = { ok: true } | { ok: false; reason: TokenRefusal };

// ---------------------------------------------------------------------------------------------
// Form token: version (1 byte) | issue time in ms (6 bytes) | HMAC-SHA256 of those 7 bytes.

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

// ---------------------------------------------------------------------------------------------
// Honeypot

// The honeypot's name lives in a module of its own so the client form can import it.
export { HONEYPOT_FIELD } from './abuse-fields';

/** Takes what FormData.get returns (or getAll); whitespace alone does not count as filled. */
export function isHoneypotFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(isHoneypotFilled);
  if (typeof Blob !== 'undefined' && value instanceof Blob) return value.size > 0;
  // A text input never submits anything else: only a hand-made request does.
  return true;
}

// ---------------------------------------------------------------------------------------------
// Secret

const SECRET_FILE = 'form-secret';
const MIN_SECRET_LENGTH = 32;
const SECRET_WAIT_ATTEMPTS = 20;
const SECRET_WAIT_MS = 10;

function readIfExists(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Another process may have created the file with `wx` but not written it yet: wait briefly for
 * its content (this runs once at start-up, so blocking for a few ms is fine).
 */
function awaitWrittenSecret(file: string): string {
  for (let attempt = 0; attempt < SECRET_WAIT_ATTEMPTS; attempt++) {
    const content = readIfExists(file);
    if (content !== null && content.length >= MIN_SECRET_LENGTH) return content;
    sleepSync(SECRET_WAIT_MS);
  }
  throw new Error(
    `${file} holds no usable secret (at least ${MIN_SECRET_LENGTH} characters): delete it to have a new one generated, or set REGISTRATION_SECRET`,
  );
}

/**
 * The configured secret, else the one kept in `<dataDir>/form-secret`, created on first use. Kept
 * on disk so form tokens survive a restart; several processes starting together agree on one.
 */
export function loadOrCreateSecret(configured: string | null, dataDir: string): string {
  if (configured !== null) return configured;
  const file = path.join(dataDir, SECRET_FILE);
  if (readIfExists(file) !== null) return awaitWrittenSecret(file);

  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return awaitWrittenSecret(file);
    throw error;
  }
  try {
    fs.writeSync(fd, `${secret}\n`);
  } catch (error) {
    // An empty file would stop every later start; leave no file rather than a broken one.
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return secret;
}

// ---------------------------------------------------------------------------------------------
// Rate limits

export interface RegistrationLimits {
  maxPerIpPerHour: number;
  maxPerEmailPerHour: number;
}

export type LimitCheck = { ok: true } | { ok: false; limit: LimitRefusal; retryAfterSeconds: number };

export interface RegistrationLimiter {
  consume(input: { ip: string | null; email: string }): Promise<LimitCheck>;
}

const HOUR_SECONDS = 3600;

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

  /** null when the point was granted, else the seconds until the window resets. */
  async function take(limiter: RateLimiterMemory, key: string): Promise<number | null> {
    try {
      await limiter.consume(key);
      return null;
    } catch (refusal) {
      // The library rejects with a RateLimiterRes when the limit is reached; anything else is a bug.
      if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw refusal;
    }
  }

  return {
    async consume({ ip, email }) {
      // IP first, and stop there when refused: a flood from one address must not use up the
      // e-mail budget of the people it names.
      if (ip !== null) {
        const retry = await take(byIp, hashKey('ip', ipBucket(ip)));
        if (retry !== null) return { ok: false, limit: 'ip', retryAfterSeconds: retry };
      }
      const retry = await take(byEmail, hashKey('email', email.trim().toLowerCase()));
      if (retry !== null) return { ok: false, limit: 'email', retryAfterSeconds: retry };
      return { ok: true };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Client address

/** Lower-case, without brackets or port, and IPv4-mapped IPv6 as plain IPv4; null if not an IP. */
function parseAddress(raw: string): string | null {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed?.[1]) text = bracketed[1];
  else {
    // Some proxies (Azure among them) append the client's port to IPv4 entries.
    const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text);
    if (withPort?.[1]) text = withPort[1];
  }
  return isIP(text) === 0 ? null : normalizeIp(text);
}

function normalizeIp(ip: string): string {
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  return mapped?.[1] && isIP(mapped[1]) === 4 ? mapped[1] : lower;
}

/**
 * The visitor's address, or null when unknown. Server actions get no socket address from Next,
 * so the only source is a header set by a reverse proxy; operators behind one set TRUST_PROXY.
 * Without it the headers are the client's own words, and the per-IP limit is skipped.
 *
 * The first valid X-Forwarded-For entry is used: correct when the proxy replaces the header
 * (Vercel, nginx with `$remote_addr`), but a proxy that appends (`$proxy_add_x_forwarded_for`)
 * leaves that entry under the client's control, and then X-Real-IP set by the proxy is safer.
 */
export function clientIp(headers: Headers, trustProxy: boolean): string | null {
  if (!trustProxy) return null;
  for (const entry of (headers.get('x-forwarded-for') ?? '').split(',')) {
    const ip = parseAddress(entry);
    if (ip) return ip;
  }
  return parseAddress(headers.get('x-real-ip') ?? '');
}

// ---------------------------------------------------------------------------------------------
// Messages

function waitFor(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined || !Number.isFinite(retryAfterSeconds)) return 'Please try again later.';
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/** What to tell the visitor; never names their address or e-mail. */
export function abuseMessage(reason: AbuseReason, retryAfterSeconds?: number): string {
  switch (reason) {
    case 'honeypot':
      return 'We could not send your registration because a hidden field was filled in, which usually means autofill or a browser extension filled the form. Please reload the page and fill in the form yourself.';
    case 'missing':
    case 'invalid':
      return 'This form has expired. Please reload the page and send it again.';
    case 'expired':
      return 'This form has expired because the page was open for a long time. Please reload the page and send it again.';
    case 'too_fast':
      return 'That was quicker than a person can fill in the form. Please check your answers and send it again.';
    case 'ip':
      return `Too many registrations have been sent from your network in the last hour. ${waitFor(retryAfterSeconds)}`;
    case 'email':
      return `Too many registrations have been sent for this email address in the last hour. ${waitFor(retryAfterSeconds)}`;
  }
}
