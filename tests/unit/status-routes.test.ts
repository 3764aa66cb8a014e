import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StatusReport, Verdict } from '@/lib/status/report';

// The gate in proxy.ts and the JSON route, with and without STATUS_SECRET. The configuration is
// read once per module graph, so each case loads the modules afresh.

const SECRET = 'unit-status-secret-0123456789';
const reportWith = vi.hoisted(() => ({ status: 'ok' as Verdict }));

vi.mock('@/lib/status/sources', () => ({
  getStatusReport: async () => ({ status: reportWith.status, reasons: [] }) as unknown as StatusReport,
}));

async function load(secret: string | undefined) {
  vi.resetModules();
  vi.stubEnv('STATUS_SECRET', secret ?? '');
  const [{ proxy }, route] = await Promise.all([import('@/proxy'), import('@/app/status.json/route')]);
  return { proxy, GET: route.GET };
}

const request = (path: string, authorization?: string) =>
  new NextRequest(`http://localhost${path}`, { headers: authorization ? { Authorization: authorization } : {} });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('without STATUS_SECRET', () => {
  it.each(['/status.json'])('%s is rewritten to a path no route has (the site 404), whatever the credentials', async (path) => {
    const { proxy } = await load(undefined);
    const response = await proxy(request(path, `Bearer ${SECRET}`));
    expect(response.headers.get('x-middleware-rewrite')).toBe('http://localhost/_status-not-configured');
  });

  it('the JSON route is a 404 by itself too', async () => {
    const { GET } = await load(undefined);
    await expect(GET(request('/status.json', `Bearer ${SECRET}`))).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;404' });
  });
});

describe('the status page', () => {
  it.each([undefined, SECRET])('moved into the console: /status redirects there (STATUS_SECRET %s)', async (secret) => {
    const { proxy } = await load(secret);
    for (const path of ['/status', '/status/']) {
      const response = await proxy(request(path, `Bearer ${SECRET}`));
      expect(response.status).toBe(308);
      expect(response.headers.get('location')).toBe('http://localhost/console/status');
    }
  });
});

describe('with STATUS_SECRET', () => {
  it('the proxy challenges without the secret and lets the right one through, never cached or indexed', async () => {
    const { proxy } = await load(SECRET);
    const refused = await proxy(request('/status.json'));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Basic realm="status", charset="UTF-8"');
    const allowed = await proxy(request('/status.json', `Basic ${Buffer.from(`ops:${SECRET}`).toString('base64')}`));
    expect(allowed.headers.get('x-middleware-next')).toBe('1');
    for (const response of [refused, allowed]) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    }
  });

  it.each<[Verdict, number]>([
    ['ok', 200],
    ['degraded', 200],
    ['failing', 503],
  ])('the JSON route answers a %s report with %i', async (status, code) => {
    reportWith.status = status;
    const { GET } = await load(SECRET);
    const response = await GET(request('/status.json', `Bearer ${SECRET}`));
    expect(response.status).toBe(code);
    expect(await response.json()).toMatchObject({ status });
  });

  it('the JSON route refuses a wrong secret by itself (the proxy is not its only guard)', async () => {
    const { GET } = await load(SECRET);
    const response = await GET(request('/status.json', 'Bearer not-the-secret-0123456789'));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="status"/);
  });
});
