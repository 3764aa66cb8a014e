import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseConfig } from '@/lib/config';
import { buildIncludesSandbox, clientFromConfig, fetchCatalog, LivestormError } from '@/lib/livestorm/public';

// The client a configuration describes: without a token, the in-process sandbox, loaded on first
// use; a live build (BUILD_INCLUDES_SANDBOX=no, inlined by next.config.js) has none to load.
const dirs: string[] = [];
const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'from-config-'));
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  delete process.env.BUILD_INCLUDES_SANDBOX;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('clientFromConfig', () => {
  it('answers from the in-process sandbox without a token, its state in SANDBOX_DATA_DIR, created on the first call', async () => {
    const sandboxDir = path.join(tmp(), 'sandbox');
    const config = parseConfig({ SANDBOX_DATA_DIR: sandboxDir });
    expect(config.mode).toBe('sandbox');
    const client = clientFromConfig(config);
    expect(fs.existsSync(sandboxDir)).toBe(false);
    const catalog = await fetchCatalog(client);
    expect(catalog.events.map((event) => event.title)).toContain('Product demo: Acme Analytics in 30 minutes');
    expect(catalog.sessions.length).toBeGreaterThan(10);
    expect(fs.existsSync(path.join(sandboxDir, 'state.json'))).toBe(true);
    expect(client.quota().monthlyLimit).toBe(10_000);
  });

  it('fails every call with a clear cause in a live build that has no sandbox', async () => {
    process.env.BUILD_INCLUDES_SANDBOX = 'no';
    expect(buildIncludesSandbox()).toBe(false);
    const client = clientFromConfig(parseConfig({ SANDBOX_DATA_DIR: path.join(tmp(), 'sandbox') }));
    // One attempt: a network-like failure is otherwise retried until the call's deadline.
    const failure = await client.request('/ping', { schema: z.unknown(), retry: false }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LivestormError);
    expect((failure as LivestormError).kind).toBe('unavailable');
    expect(String(((failure as LivestormError).cause as Error).message)).toMatch(/this build has no sandbox/);
  });

  it('has the sandbox outside Next (scripts, tests) and in a build made without a token', () => {
    expect(buildIncludesSandbox()).toBe(true);
    process.env.BUILD_INCLUDES_SANDBOX = 'yes';
    expect(buildIncludesSandbox()).toBe(true);
  });
});
