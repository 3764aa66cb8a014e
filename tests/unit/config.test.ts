import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@/lib/config';

describe('parseConfig', () => {
  it('runs on the sandbox without a token, with documented defaults', () => {
    const config = parseConfig({});
    expect(config.mode).toBe('sandbox');
    expect(config.livestorm).toMatchObject({ baseUrl: 'http://sandbox.internal/v1', maxRequestsPerSecond: 5, monthlyReadBudget: 3_000 });
    // The sandbox signs its webhooks with its own secret, so the site refreshes on them out of the box.
    expect(config.webhooks.secret).toBe('sandbox-webhook-secret');
    expect(config.livestorm).toMatchObject({ revalidateSeconds: 3_456, revalidateReason: 'read-budget' });
    expect(config.site).toEqual({ url: 'http://localhost:3000', name: 'Webinars', timeZone: 'UTC', locale: 'en-US' });
    expect(config.sandbox.dataDir).toBe('.data/sandbox');
    expect(config.liveStatus.pollSeconds).toBe(30);
  });

  it('goes live with a token, defaulting to the public API and trimming slashes', () => {
    expect(parseConfig({ LIVESTORM_API_TOKEN: 'abc' }).livestorm).toMatchObject({ token: 'abc', baseUrl: 'https://api.livestorm.co/v1' });
    expect(parseConfig({ LIVESTORM_API_TOKEN: 'abc', LIVESTORM_API_URL: 'http://127.0.0.1:4010/v1/' }).livestorm.baseUrl).toBe(
      'http://127.0.0.1:4010/v1',
    );
  });

  it.each([
    ['live, no webhook secret: 900 s', { LIVESTORM_API_TOKEN: 'abc' }, 900, 'no-webhooks', null],
    ['live with webhooks: from the read budget', { LIVESTORM_API_TOKEN: 'abc', LIVESTORM_WEBHOOK_SECRET: 's3cret' }, 3_456, 'read-budget', 's3cret'],
    ['a bigger budget', { LIVESTORM_API_TOKEN: 'abc', LIVESTORM_WEBHOOK_SECRET: 's', LIVESTORM_MONTHLY_READ_BUDGET: '6000' }, 1_728, 'read-budget', 's'],
    ['an explicit interval wins', { LIVESTORM_API_TOKEN: 'abc', LIVESTORM_WEBHOOK_SECRET: 's', LIVESTORM_REVALIDATE_SECONDS: '5' }, 5, 'explicit', 's'],
    ['sandbox with its own secret overridden', { LIVESTORM_WEBHOOK_SECRET: 'mine', LIVESTORM_REVALIDATE_SECONDS: '600' }, 600, 'explicit', 'mine'],
  ])('revalidation and webhooks: %s', (_label, env, seconds, reason, secret) => {
    const config = parseConfig(env);
    expect(config.livestorm).toMatchObject({ revalidateSeconds: seconds, revalidateReason: reason });
    expect(config.webhooks.secret).toBe(secret);
  });

  it('treats blank values as unset', () => {
    expect(parseConfig({ LIVESTORM_API_TOKEN: '  ', SITE_TIMEZONE: '' }).mode).toBe('sandbox');
  });

  it.each([
    [{ LIVESTORM_API_TOKEN: 'Bearer abc' }, 'LIVESTORM_API_TOKEN'],
    [{ LIVESTORM_API_URL: 'not a url' }, 'LIVESTORM_API_URL'],
    [{ SITE_URL: 'ftp://example.com' }, 'SITE_URL'],
    [{ SITE_TIMEZONE: 'Mars/Base' }, 'SITE_TIMEZONE'],
    [{ LIVESTORM_REVALIDATE_SECONDS: '4' }, 'LIVESTORM_REVALIDATE_SECONDS'],
    [{ LIVESTORM_MAX_RPS: '9' }, 'LIVESTORM_MAX_RPS'],
    [{ LIVE_STATUS_POLL_SECONDS: '1' }, 'LIVE_STATUS_POLL_SECONDS'],
    [{ LIVE_STATUS_POLL_SECONDS: '2.5' }, 'LIVE_STATUS_POLL_SECONDS'],
    [{ LIVESTORM_MONTHLY_READ_BUDGET: '3k' }, 'LIVESTORM_MONTHLY_READ_BUDGET'],
    [{ LIVESTORM_MONTHLY_READ_BUDGET: '50' }, 'LIVESTORM_MONTHLY_READ_BUDGET'],
  ])('rejects %j naming %s', (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(name);
  });

  it('reads the origins allowed to frame embeds, normalised and de-duplicated', () => {
    expect(parseConfig({}).embed.allowedOrigins).toEqual([]);
    expect(
      parseConfig({ EMBED_ALLOWED_ORIGINS: 'https://www.Example.com, http://localhost:8080 https://*.example.org/ https://www.example.com' }).embed
        .allowedOrigins,
    ).toEqual(['https://www.example.com', 'http://localhost:8080', 'https://*.example.org']);
  });

  // Each entry lands in a CSP header: anything but a bare origin is refused, naming the entry.
  it.each([
    ["'unsafe-inline'", 'unsafe-inline'],
    ['https://example.com/path', 'https://example.com/path'],
    ['example.com', 'example.com'],
    ['https://example.com; script-src *', 'https://example.com;'],
    ['*', '*'],
    ['ftp://example.com', 'ftp://example.com'],
  ])('refuses EMBED_ALLOWED_ORIGINS entry %s', (entry, shown) => {
    expect(() => parseConfig({ EMBED_ALLOWED_ORIGINS: entry })).toThrow(/EMBED_ALLOWED_ORIGINS/);
    expect(() => parseConfig({ EMBED_ALLOWED_ORIGINS: entry })).toThrow(shown);
  });

  it('keeps the status page off without STATUS_SECRET, and takes a long enough one', () => {
    expect(parseConfig({}).status.secret).toBeNull();
    expect(parseConfig({ STATUS_SECRET: '  ' }).status.secret).toBeNull();
    expect(parseConfig({ STATUS_SECRET: 'x'.repeat(24) }).status.secret).toBe('x'.repeat(24));
  });

  it.each([
    ['too-short-secret', 'at least 24 characters'],
    ['a secret with spaces in it, long enough', 'printable ASCII'],
    ['ünïcödé-sécret-long-enough-for-it', 'printable ASCII'],
  ])('refuses STATUS_SECRET %s without echoing it', (secret, reason) => {
    expect(() => parseConfig({ STATUS_SECRET: secret })).toThrow(/STATUS_SECRET/);
    expect(() => parseConfig({ STATUS_SECRET: secret })).toThrow(reason);
    expect(() => parseConfig({ STATUS_SECRET: secret })).not.toThrow(secret);
  });
});
