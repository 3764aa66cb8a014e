import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import {
  clientImportsOfServerCode,
  folderGraph,
  importEdges,
  mutualPairs,
  sealBreaches,
  staticSandboxImports,
} from '../../scripts/lib/import-graph';

// The house rules of docs/architecture.md, checked on the real tree: a change that breaks one fails here.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const edges = importEdges(ROOT);

describe('layers', () => {
  it('reads the real import graph (sanity: known edges are found)', () => {
    expect(edges.some((edge) => edge.from === 'lib/events/server/catalog.ts' && edge.to === 'lib/livestorm')).toBe(true);
    expect(edges.some((edge) => edge.from === 'lib/livestorm/from-config.ts' && edge.to === 'lib/sandbox' && edge.dynamic)).toBe(true);
    expect(folderGraph(edges).get('lib/pages')?.has('lib/registration')).toBe(true);
  });

  it('has no two lib/ folders importing each other', () => {
    expect(mutualPairs(folderGraph(edges))).toEqual([]);
  });

  it('finds a mutual pair when there is one', () => {
    const graph = folderGraph([
      { from: 'lib/a/x.ts', to: 'lib/b/y', typeOnly: false, dynamic: false },
      { from: 'lib/b/y.ts', to: 'lib/a', typeOnly: true, dynamic: false },
    ]);
    expect(mutualPairs(graph)).toEqual(['lib/a ↔ lib/b']);
  });

  it('enters lib/livestorm and lib/sandbox through their entries only', () => {
    expect(sealBreaches(edges)).toEqual([]);
    expect(sealBreaches([{ from: 'lib/status/x.ts', to: 'lib/livestorm/client', typeOnly: false, dynamic: false }])).toHaveLength(1);
  });

  it('loads the sandbox only through the dynamic import a live build drops', () => {
    expect(staticSandboxImports(edges)).toEqual([]);
    expect(staticSandboxImports([{ from: 'lib/livestorm/x.ts', to: 'lib/sandbox', typeOnly: false, dynamic: false }])).toHaveLength(1);
  });

  it('keeps server code out of client components (server actions aside)', () => {
    expect(clientImportsOfServerCode(ROOT, edges)).toEqual([]);
    const form = edges.find((edge) => edge.from === 'components/registration/registration-form.tsx' && edge.to === 'lib/registration/server/actions');
    expect(form, 'the form imports its server action').toBeTruthy();
    expect(clientImportsOfServerCode(ROOT, [{ ...form!, to: 'lib/registration/server/outbox' }])).toHaveLength(1);
  });
});

describe('the lint rule sealing lib/livestorm', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const lint = async (code: string, filePath: string) =>
    (await eslint.lintText(code, { filePath })).flatMap((result) => result.messages.filter((message) => message.ruleId === 'no-restricted-imports'));

  it('refuses a deep import and accepts the entries', async () => {
    const deep = await lint("import { createLivestormClient } from '@/lib/livestorm/client';\nexport const a = createLivestormClient;\n", 'lib/status/example.ts');
    expect(deep).toHaveLength(1);
    expect(deep[0]!.message).toMatch(/through its entries/);
    expect(await lint("import { LivestormError } from '../livestorm/errors';\nexport const a = LivestormError;\n", 'lib/status/example.ts')).toHaveLength(1);
    const entries = await lint(
      "import { getLivestorm } from '@/lib/livestorm';\nimport { listWebhooks } from '@/lib/livestorm/public';\nimport type { Session } from '@/lib/livestorm/types';\nexport const a: [unknown, unknown, Session | null] = [getLivestorm, listWebhooks, null];\n",
      'lib/status/example.ts',
    );
    expect(entries).toEqual([]);
  }, 30_000);

  it('refuses a static import of the sandbox in the site, and its parts in scripts', async () => {
    expect(await lint("import { createSandbox } from '@/lib/sandbox';\nexport const a = createSandbox;\n", 'lib/events/example.ts')).toHaveLength(1);
    expect(await lint("import type { Sandbox } from '@/lib/sandbox';\nexport type A = Sandbox;\n", 'lib/events/example.ts')).toEqual([]);
    expect(await lint("import { createSandbox } from '../sandbox';\nexport const a = createSandbox;\n", 'lib/events/example.ts')).toHaveLength(1);
    expect(await lint("import { createSandbox } from '../lib/sandbox';\nexport const a = createSandbox;\n", 'scripts/example.ts')).toEqual([]);
    expect(await lint("import { createSeedState } from '../lib/sandbox/seed';\nexport const a = createSeedState;\n", 'scripts/example.ts')).toHaveLength(1);
  }, 30_000);
});
