import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '@/lib/livestorm/webhooks';

// scripts/sandbox.ts as a real HTTP server: request/response conversion, persistence, clean shutdown.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function start(args: string[]): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sandbox.ts', '--port', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${out}${err}`)), 15_000);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Livestorm sandbox listening on (http:\/\/127\.0\.0\.1:\d+\/v1) \(token: ([^)]+)\)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, base: m[1] });
      }
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited early (${code}): ${out}${err}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('scripts/sandbox.ts', () => {
  it('serves the API over HTTP, persists registrations and exits 0 on SIGTERM', { timeout: 40_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livestorm-sandbox-cli-'));
    dirs.push(dataDir);
    const { child, base } = await start(['--data-dir', dataDir, '--token', 'cli-token', '--fresh']);

    const ping = await fetch(`${base}/ping`, { headers: { Authorization: 'cli-token' } });
    expect(ping.status).toBe(200);
    expect(await ping.text()).toBe('');
    expect(ping.headers.get('ratelimit-monthly-remaining')).toBe('9999');

    const denied = await fetch(`${base}/events`, { headers: { Authorization: 'Bearer cli-token' } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toContain('Doorkeeper');

    const list = await fetch(`${base}/sessions?filter[status]=upcoming&page[size]=1`, { headers: { Authorization: 'cli-token' } });
    expect(list.headers.get('content-type')).toBe('application/vnd.api+json');
    const sessions = (await list.json()) as { data: Array<{ id: string }> };
    const sessionId = sessions.data[0]?.id ?? '';

    const created = await fetch(`${base}/sessions/${sessionId}/people`, {
      method: 'POST',
      headers: { Authorization: 'cli-token', 'Content-Type': 'application/vnd.api+json' },
      body: JSON.stringify({ data: { type: 'people', attributes: { fields: [{ id: 'email', value: 'cli@example.com' }] } } }),
    });
    expect(created.status).toBe(201);

    const stats = (await (await fetch(base.replace('/v1', '/__sandbox/stats'))).json()) as { requests: number };
    expect(stats.requests).toBe(4);

    const code = exited(child);
    if (child.pid) process.kill(child.pid, 'SIGTERM');
    expect(await code).toBe(0);

    const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'state.json'), 'utf8')) as {
      people: Array<{ attributes: { email: string } }>;
      quota: { used: number };
    };
    expect(state.people.some((p) => p.attributes.email === 'cli@example.com')).toBe(true);
    expect(state.quota.used).toBe(3);

    // Restart without --fresh: the registration is still there.
    const again = await start(['--data-dir', dataDir, '--token', 'cli-token']);
    const dup = await fetch(`${again.base}/sessions/${sessionId}/people`, {
      method: 'POST',
      headers: { Authorization: 'cli-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { type: 'people', attributes: { fields: [{ id: 'email', value: 'CLI@example.com' }] } } }),
    });
    expect(dup.status).toBe(409);
    const againExit = exited(again.child);
    if (again.child.pid) process.kill(again.child.pid, 'SIGINT');
    expect(await againExit).toBe(0);
  });

  it('posts signed webhooks over HTTP with --webhook-secret', { timeout: 40_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livestorm-sandbox-cli-'));
    dirs.push(dataDir);
    const received: Array<{ body: string; signature: string | undefined }> = [];
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ body, signature: req.headers['x-livestorm-signature'] as string | undefined });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const address = receiver.address();
      const hook = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`;
      const { child, base } = await start(['--data-dir', dataDir, '--token', 'cli-token', '--webhook-secret', 'cli-webhook-secret', '--fresh']);
      const subscribed = await fetch(`${base}/webhooks`, {
        method: 'POST',
        headers: { Authorization: 'cli-token', 'Content-Type': 'application/vnd.api+json' },
        body: JSON.stringify({ data: { type: 'webhooks', attributes: { url: hook, event: 'session.started' } } }),
      });
      expect(subscribed.status).toBe(201);
      const sessions = (await (await fetch(`${base}/sessions?filter[status]=upcoming&page[size]=1`, { headers: { Authorization: 'cli-token' } })).json()) as {
        data: Array<{ id: string }>;
      };
      const control = base.replace('/v1', '/__sandbox');
      await fetch(`${control}/sessions/${sessions.data[0]!.id}/status`, { method: 'POST', body: '{"status":"live"}' });
      for (let i = 0; i < 50 && received.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toHaveLength(1);
      expect(verifyWebhookSignature(received[0]!.body, received[0]!.signature, 'cli-webhook-secret', Date.now()).ok).toBe(true);
      const deliveries = (await (await fetch(`${control}/webhook-deliveries`)).json()) as { data: Array<{ status: string; url: string }> };
      expect(deliveries.data).toMatchObject([{ status: 'delivered', url: hook }]);
      const code = exited(child);
      if (child.pid) process.kill(child.pid, 'SIGTERM');
      expect(await code).toBe(0);
    } finally {
      receiver.close();
    }
  });
});
