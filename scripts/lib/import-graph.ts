// The import graph of the code, folder by folder: what `npm run layers` prints and what
// tests/unit/layers.test.ts holds the code to. A folder is `lib/<name>` (a file directly in lib/
// counts as a folder of its own), or a top-level directory or file (`app`, `components`, `proxy`...).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Importing file, relative to the root. */
  from: string;
  /** Imported file (without extension), relative to the root. */
  to: string;
  /** `import type` / `export type`: erased from every bundle. */
  typeOnly: boolean;
  /** `import(...)`: loaded on first use, in a chunk of its own. */
  dynamic: boolean;
}

const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const SKIP = new Set(['node_modules', '.next', '.git', '.data', 'docs', 'public', 'tests', 'test-results', 'playwright-report']);

function sourceFiles(root: string): string[] {
  const files: string[] = [];
  (function walk(dir: string) {
    for (const name of readdirSync(dir)) {
      if (SKIP.has(name)) continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.d.mts')) files.push(path.relative(root, full));
    }
  })(root);
  return files.sort();
}

/** `@/x` and relative specifiers, resolved to a root-relative path without extension; null for packages. */
function resolveSpecifier(fromFile: string, specifier: string): string | null {
  let target: string;
  if (specifier.startsWith('@/')) target = specifier.slice(2);
  else if (specifier.startsWith('.')) target = path.join(path.dirname(fromFile), specifier);
  else return null;
  return path.normalize(target).replace(SOURCE, '').replace(/\/index$/, '');
}

function importsOf(root: string, file: string): ImportEdge[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const add = (specifier: string, typeOnly: boolean, dynamic: boolean) => {
    const to = resolveSpecifier(file, specifier);
    if (to !== null) edges.push({ from: file, to, typeOnly, dynamic });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.importClause?.isTypeOnly ?? false, false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly, false);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) add(argument.text, false, true);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** Every import between the project's own files. */
export function importEdges(root: string): ImportEdge[] {
  return sourceFiles(root).flatMap((file) => importsOf(root, file));
}

export function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'lib') return parts.length > 2 ? `lib/${parts[1]}` : `lib/${parts[1]!.replace(SOURCE, '')}`;
  return parts[0]!.replace(SOURCE, '');
}

/** Folder → the folders it imports (itself excluded). */
export function folderGraph(edges: readonly ImportEdge[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const edge of edges) {
    const from = folderOf(edge.from);
    const to = folderOf(edge.to);
    if (from === to) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)!.add(to);
  }
  return graph;
}

/** Pairs of lib/ folders that import each other: each one's change can break the other. */
export function mutualPairs(graph: Map<string, Set<string>>): string[] {
  const pairs: string[] = [];
  for (const [a, targets] of graph) {
    for (const b of targets) {
      if (a < b && a.startsWith('lib/') && b.startsWith('lib/') && graph.get(b)?.has(a)) pairs.push(`${a} ↔ ${b}`);
    }
  }
  return pairs.sort();
}

/** The entries other code may import a sealed module through. */
export const SEALED_ENTRIES: Record<string, readonly string[]> = {
  'lib/livestorm': ['lib/livestorm', 'lib/livestorm/public', 'lib/livestorm/types'],
  'lib/sandbox': ['lib/sandbox'],
};

/** Imports from outside a sealed module that reach past its entries. */
export function sealBreaches(edges: readonly ImportEdge[]): string[] {
  const breaches: string[] = [];
  for (const edge of edges) {
    for (const [module, entries] of Object.entries(SEALED_ENTRIES)) {
      const inside = (file: string) => file === module || file.startsWith(`${module}/`);
      if (inside(edge.to) && !inside(edge.from) && !entries.includes(edge.to)) breaches.push(`${edge.from} → ${edge.to}`);
    }
  }
  return breaches;
}

/**
 * Static value imports of the sandbox from the site's code (app, components, lib, root files):
 * only a dynamic import keeps it out of a live build. Scripts run it directly.
 */
export function staticSandboxImports(edges: readonly ImportEdge[]): string[] {
  return edges
    .filter((edge) => (edge.to === 'lib/sandbox' || edge.to.startsWith('lib/sandbox/')) && !edge.from.startsWith('lib/sandbox/'))
    .filter((edge) => !edge.from.startsWith('scripts/') && !edge.typeOnly && !edge.dynamic)
    .map((edge) => `${edge.from} → ${edge.to}`);
}

function directiveOf(root: string, file: string): 'use client' | 'use server' | null {
  const head = readFileSync(path.join(root, file), 'utf8').slice(0, 200);
  const match = /^\s*(?:\/\/[^\n]*\n\s*)*['"](use client|use server)['"]/.exec(head);
  return (match?.[1] as 'use client' | 'use server' | undefined) ?? null;
}

function fileFor(root: string, target: string): string | null {
  for (const candidate of [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`, `${target}/index.tsx`]) {
    try {
      if (statSync(path.join(root, candidate)).isFile()) return candidate;
    } catch {
      // try the next spelling
    }
  }
  return null;
}

/**
 * Client components that import a capability's `server/` code (outbox, secrets, stores): it would
 * end up in the browser bundle. Server actions (`'use server'` modules) are the one exception: the
 * bundle gets a reference to them, not their code. Type-only imports are erased.
 */
export function clientImportsOfServerCode(root: string, edges: readonly ImportEdge[]): string[] {
  return edges
    .filter((edge) => !edge.typeOnly && /(^|\/)server(\/|$)/.test(edge.to) && directiveOf(root, edge.from) === 'use client')
    .filter((edge) => {
      const target = fileFor(root, edge.to);
      return target === null || directiveOf(root, target) !== 'use server';
    })
    .map((edge) => `${edge.from} → ${edge.to}`);
}
