import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { HONEYPOT_FIELD, isHoneypotFilled } from '@/lib/registration/honeypot';
import { abuseMessage, type AbuseReason } from '@/lib/registration/server/abuse-messages';
import { clientIp } from '@/lib/registration/server/client-ip';
import { loadOrCreateSecret } from '@/lib/registration/server/form-secret';
import { checkFormToken, issueFormToken } from '@/lib/registration/server/form-token';
import { createRegistrationLimiter } from '@/lib/registration/server/limiter';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECRET = 'a'.repeat(64);
const T0 = Date.UTC(2026, 2, 1, 12, 0, 0);
const SECOND = 1000;

describe('form token', () => {
  const token = issueFormToken(SECRET, T0);

  it('is compact base64url', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{52}$/);
  });

  it.each([
    ['at exactly the minimum fill time', T0 + 3 * SECOND],
    ['a few minutes later', T0 + 5 * 60 * SECOND],
    ['at exactly the maximum age', T0 + 24 * 3600 * SECOND],
  ])('accepts a token %s', (_label, now) => {
    expect(checkFormToken(token, SECRET, now, 3)).toEqual({ ok: true });
  });

  function flip(text: string, index: number): string {
    const char = text[index] === 'A' ? 'B' : 'A';
    return text.slice(0, index) + char + text.slice(index + 1);
  }

  // A bot that rewrites the issue time to look older must also forge the signature.
  const older = (() => {
    const bytes = Buffer.from(token, 'base64url');
    bytes.writeUIntBE(T0 - 3600 * SECOND, 1, 6);
    return bytes.toString('base64url');
  })();

  it.each([
    ['missing (null)', null, 'missing'],
    ['missing (empty)', '', 'missing'],
    ['missing (blank)', '   ', 'missing'],
    ['a back-dated issue time', older, 'invalid'],
    ['a changed version byte', flip(token, 0), 'invalid'],
    ['a changed time character', flip(token, 5), 'invalid'],
    ['a changed signature character', flip(token, 30), 'invalid'],
    ['a changed last character', flip(token, 51), 'invalid'],
    ['a truncated token', token.slice(0, -1), 'invalid'],
    ['an extra character', `${token}A`, 'invalid'],
    ['padding added', `${token}==`, 'invalid'],
    ['characters outside base64url', `${token.slice(0, -1)}+`, 'invalid'],
    ['whitespace inside', `${token.slice(0, 26)} ${token.slice(27)}`, 'invalid'],
    ['junk', 'not-a-token', 'invalid'],
  ] as const)('refuses %s', (_label, submitted, reason) => {
    expect(checkFormToken(submitted, SECRET, T0 + 60 * SECOND, 3)).toEqual({ ok: false, reason });
  });

  it('refuses a token signed with another secret', () => {
    const foreign = issueFormToken('b'.repeat(64), T0);
    expect(checkFormToken(foreign, SECRET, T0 + 60 * SECOND, 3)).toEqual({ ok: false, reason: 'invalid' });
  });

  it.each([
    ['immediately', 0, 3, 'too_fast'],
    ['a moment before the minimum', 2999, 3, 'too_fast'],
    ['after a longer configured minimum', 9 * SECOND, 10, 'too_fast'],
    ['just after the maximum age', 24 * 3600 * SECOND + 1, 3, 'expired'],
    ['a week later', 7 * 24 * 3600 * SECOND, 3, 'expired'],
  ] as const)('refuses a form sent %s', (_label, elapsed, minFill, reason) => {
    expect(checkFormToken(token, SECRET, T0 + elapsed, minFill)).toEqual({ ok: false, reason });
  });

  it('honours a custom maximum age', () => {
    expect(checkFormToken(token, SECRET, T0 + 61 * SECOND, 3, 60)).toEqual({ ok: false, reason: 'expired' });
    expect(checkFormToken(token, SECRET, T0 + 60 * SECOND, 3, 60)).toEqual({ ok: true });
  });

  it('accepts immediately when the minimum fill time is 0', () => {
    expect(checkFormToken(token, SECRET, T0, 0)).toEqual({ ok: true });
  });

  it('tolerates small clock skew between instances but not a token from the far future', () => {
    expect(checkFormToken(token, SECRET, T0 - 30 * SECOND, 0)).toEqual({ ok: true });
    expect(checkFormToken(token, SECRET, T0 - 30 * SECOND, 3)).toEqual({ ok: false, reason: 'too_fast' });
    expect(checkFormToken(token, SECRET, T0 - 3600 * SECOND, 0)).toEqual({ ok: false, reason: 'invalid' });
  });

  it.each([[Number.NaN], [-1], [2 ** 48]])('refuses to issue a token for time %s', (now) => {
    expect(() => issueFormToken(SECRET, now)).toThrow(RangeError);
  });

  it('refuses to issue a token with an empty secret', () => {
    expect(() => issueFormToken('', T0)).toThrow(/secret/);
  });
});

describe('honeypot', () => {
  it('has a name that is not a Livestorm-style slug and avoids autofill words', () => {
    expect(HONEYPOT_FIELD).toContain('__');
    expect(HONEYPOT_FIELD).not.toMatch(/name|mail|phone|tel|addr|company|org|url|web|user|pass/i);
  });

  it.each([
    [null, false],
    [undefined, false],
    ['', false],
    ['   ', false],
    [[], false],
    [['', ' '], false],
    ['x', true],
    ['https://spam.example', true],
    [['', 'x'], true],
    [new Blob(['x']), true],
    [new Blob([]), false],
    [0, true],
    [{}, true],
  ])('isHoneypotFilled(%j) is %s', (value, filled) => {
    expect(isHoneypotFilled(value)).toBe(filled);
  });
});

describe('loadOrCreateSecret', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'abuse-secret-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('returns the configured secret without touching the disk', () => {
    const dir = path.join(tmp(), 'data');
    expect(loadOrCreateSecret('c'.repeat(40), dir)).toBe('c'.repeat(40));
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('creates the file once, private to its owner, in a new nested directory, then reuses it', () => {
    const dir = path.join(tmp(), 'nested', 'data');
    const first = loadOrCreateSecret(null, dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const file = path.join(dir, 'form-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(first);
    expect(loadOrCreateSecret(null, dir)).toBe(first);
  });

  it('reuses a secret an operator put in the file', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'form-secret'), `${'d'.repeat(48)}\n`);
    expect(loadOrCreateSecret(null, dir)).toBe('d'.repeat(48));
  });

  it('refuses an unusable file with a message that says what to do', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'form-secret'), 'short');
    expect(() => loadOrCreateSecret(null, dir)).toThrow(/delete it|REGISTRATION_SECRET/);
  });

  it('gives every process starting at once the same secret', async () => {
    const dir = tmp();
    const moduleUrl = pathToFileURL(path.join(ROOT, 'lib/registration/server/form-secret.ts')).href;
    // Each child spins until a shared start time, so their create attempts really overlap.
    const script = `
      const { loadOrCreateSecret } = await import(${JSON.stringify(moduleUrl)});
      const startAt = Number(process.argv[1]);
      while (Date.now() < startAt) {}
      process.stdout.write(loadOrCreateSecret(null, process.argv[2]));
    `;
    const startAt = Date.now() + 2000;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', script, String(startAt), dir],
          { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`))));
      });
    const secrets = await Promise.all(Array.from({ length: 6 }, run));
    expect(secrets[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(secrets).size).toBe(1);
    expect(loadOrCreateSecret(null, dir)).toBe(secrets[0]);
  }, 30_000);
});

describe('createRegistrationLimiter', () => {
  const limits = { maxPerIpPerHour: 3, maxPerEmailPerHour: 2 };
  const emails = (n: number) => Array.from({ length: n }, (_, i) => `person${i}@example.com`);

  it('refuses the (max+1)th registration from one address, with a positive retry delay', async () => {
    const limiter = createRegistrationLimiter(limits);
    for (const email of emails(3)) {
      expect(await limiter.consume({ ip: '203.0.113.7', email })).toEqual({ ok: true });
    }
    const refused = await limiter.consume({ ip: '203.0.113.7', email: 'late@example.com' });
    expect(refused).toMatchObject({ ok: false, limit: 'ip' });
    if (refused.ok) throw new Error('unreachable');
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(await limiter.consume({ ip: '203.0.113.8', email: 'late@example.com' })).toEqual({ ok: true });
  });

  it('limits an e-mail address across addresses, and case or spaces do not make a new one', async () => {
    const limiter = createRegistrationLimiter(limits);
    expect(await limiter.consume({ ip: '198.51.100.1', email: 'Ada@Example.com' })).toEqual({ ok: true });
    expect(await limiter.consume({ ip: '198.51.100.2', email: ' ada@example.COM ' })).toEqual({ ok: true });
    expect(await limiter.consume({ ip: '198.51.100.3', email: 'ADA@EXAMPLE.COM' })).toMatchObject({
      ok: false,
      limit: 'email',
    });
    expect(await limiter.consume({ ip: '198.51.100.3', email: 'grace@example.com' })).toEqual({ ok: true });
  });

  it('applies the e-mail limit when the address is unknown, and skips the address limit', async () => {
    const limiter = createRegistrationLimiter({ maxPerIpPerHour: 1, maxPerEmailPerHour: 2 });
    for (const email of emails(5)) expect(await limiter.consume({ ip: null, email })).toEqual({ ok: true });
    await limiter.consume({ ip: null, email: 'x@example.com' });
    expect(await limiter.consume({ ip: null, email: 'x@example.com' })).toEqual({ ok: true });
    expect(await limiter.consume({ ip: null, email: 'x@example.com' })).toMatchObject({ ok: false, limit: 'email' });
  });

  it('does not spend the e-mail budget on a registration refused for its address', async () => {
    const limiter = createRegistrationLimiter({ maxPerIpPerHour: 1, maxPerEmailPerHour: 1 });
    expect(await limiter.consume({ ip: '192.0.2.1', email: 'first@example.com' })).toEqual({ ok: true });
    for (let i = 0; i < 3; i++) {
      expect(await limiter.consume({ ip: '192.0.2.1', email: 'victim@example.com' })).toMatchObject({
        ok: false,
        limit: 'ip',
      });
    }
    expect(await limiter.consume({ ip: '192.0.2.2', email: 'victim@example.com' })).toEqual({ ok: true });
  });

  it('counts an IPv6 /64 as one address, and IPv4-mapped IPv6 as its IPv4 address', async () => {
    const limiter = createRegistrationLimiter({ maxPerIpPerHour: 2, maxPerEmailPerHour: 100 });
    const [a, b, c, d] = emails(4);
    expect(await limiter.consume({ ip: '2001:db8:1:2::1', email: a! })).toEqual({ ok: true });
    expect(await limiter.consume({ ip: '2001:0DB8:0001:0002:ffff:1:2:3', email: b! })).toEqual({ ok: true });
    expect(await limiter.consume({ ip: '2001:db8:1:2:aaaa::9', email: c! })).toMatchObject({ ok: false, limit: 'ip' });
    expect(await limiter.consume({ ip: '2001:db8:1:3::1', email: c! })).toEqual({ ok: true });

    expect(await limiter.consume({ ip: '192.0.2.9', email: d! })).toEqual({ ok: true });
    expect(await limiter.consume({ ip: '::ffff:192.0.2.9', email: d! })).toEqual({ ok: true });
    expect(await limiter.consume({ ip: '192.0.2.9', email: d! })).toMatchObject({ ok: false, limit: 'ip' });
  });

  it.each([[{ maxPerIpPerHour: 0, maxPerEmailPerHour: 1 }], [{ maxPerIpPerHour: 1, maxPerEmailPerHour: 1.5 }]])(
    'refuses limits that are not positive integers: %j',
    (bad) => {
      expect(() => createRegistrationLimiter(bad)).toThrow(RangeError);
    },
  );
});

describe('clientIp', () => {
  it.each([
    ['the first entry of a list', { 'x-forwarded-for': '203.0.113.5, 10.0.0.1, 10.0.0.2' }, '203.0.113.5'],
    ['an entry with spaces around it', { 'x-forwarded-for': '   203.0.113.5   ' }, '203.0.113.5'],
    ['no spaces after commas', { 'x-forwarded-for': '203.0.113.5,10.0.0.1' }, '203.0.113.5'],
    ['an IPv6 address, lower-cased', { 'x-forwarded-for': '2001:DB8::1, 10.0.0.1' }, '2001:db8::1'],
    ['a bracketed IPv6 address with a port', { 'x-forwarded-for': '[2001:db8::2]:4711' }, '2001:db8::2'],
    ['an IPv4 address with a port', { 'x-forwarded-for': '203.0.113.5:50123' }, '203.0.113.5'],
    ['an IPv4-mapped IPv6 address as IPv4', { 'x-forwarded-for': '::ffff:203.0.113.5' }, '203.0.113.5'],
    ['the first valid entry after junk', { 'x-forwarded-for': 'unknown, , 999.1.1.1, evil;drop, 198.51.100.4' }, '198.51.100.4'],
    ['X-Real-IP when X-Forwarded-For is absent', { 'x-real-ip': ' 198.51.100.9 ' }, '198.51.100.9'],
    ['X-Real-IP when X-Forwarded-For is all junk', { 'x-forwarded-for': 'unknown', 'x-real-ip': '198.51.100.9' }, '198.51.100.9'],
    ['X-Forwarded-For before X-Real-IP', { 'x-forwarded-for': '203.0.113.5', 'x-real-ip': '198.51.100.9' }, '203.0.113.5'],
    ['null when both are junk', { 'x-forwarded-for': 'localhost', 'x-real-ip': 'nope' }, null],
    ['null without headers', {}, null],
  ])('with trustProxy: %s', (_label, init, expected) => {
    expect(clientIp(new Headers(init), true)).toBe(expected);
  });

  it('joins repeated X-Forwarded-For headers and still takes the first', () => {
    const headers = new Headers();
    headers.append('x-forwarded-for', '203.0.113.5');
    headers.append('x-forwarded-for', '10.0.0.1');
    expect(clientIp(headers, true)).toBe('203.0.113.5');
  });

  it('is null without trustProxy, whatever the headers say', () => {
    const headers = new Headers({ 'x-forwarded-for': '203.0.113.5', 'x-real-ip': '198.51.100.9' });
    expect(clientIp(headers, false)).toBeNull();
  });
});

describe('abuseMessage', () => {
  it.each([
    ['honeypot', undefined, /reload the page/],
    ['missing', undefined, /form has expired.*reload the page/],
    ['invalid', undefined, /form has expired.*reload the page/],
    ['expired', undefined, /expired.*reload the page/],
    ['too_fast', undefined, /quicker than a person can fill in the form.*check your answers and send it again/],
    ['ip', 30, /your network.*try again in 1 minute\.$/],
    ['ip', 3600, /try again in 60 minutes\.$/],
    ['email', 61, /this email address.*try again in 2 minutes\.$/],
    ['email', undefined, /try again later\.$/],
  ] as const satisfies readonly (readonly [AbuseReason, number | undefined, RegExp])[])(
    '%s (%s s)',
    (reason, retry, expected) => {
      expect(abuseMessage(reason, retry)).toMatch(expected);
    },
  );
});
