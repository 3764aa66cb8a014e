// The live build leaves the sandbox out: `next build` with LIVESTORM_API_TOKEN set, in a scratch
// copy of the working tree (a second distDir would rewrite tsconfig.json and next-env.d.ts), then
// a search of its server bundle for code only the sandbox has. Plain Node ESM, like prepare.mjs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { childEnv, computeBuildHash, exitStatus, localBin, ROOT, run } from './prepare.mjs';

const SCRATCH = path.join(ROOT, '.data', 'live-build-check');
const STAMP = path.join(ROOT, '.next', '.live-build-stamp');
const LIVE_ENV = { LIVESTORM_API_TOKEN: 'live-build-check' };

/** Strings only the sandbox's code holds: one of them in a live bundle means the sandbox came along. */
export const SANDBOX_MARKERS = ['Simulated Livestorm outage', '[livestorm-sandbox]', 'acme-analytics.example'];

function log(message) {
  console.log(`[live-build] ${message}`);
}

/** Every marker must really be in lib/sandbox, or the search below could never find anything. */
function checkMarkersAreReal() {
  const sources = [];
  (function walk(dir) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else sources.push(readFileSync(full, 'utf8'));
    }
  })(path.join(ROOT, 'lib', 'sandbox'));
  const text = sources.join('\n');
  const missing = SANDBOX_MARKERS.filter((marker) => !text.includes(marker));
  if (missing.length > 0) throw new Error(`markers not found in lib/sandbox any more: ${missing.join(', ')} (update SANDBOX_MARKERS)`);
}

/** The working tree as git sees it (tracked and new files), hard-linked node_modules: seconds, no space. */
function copyTree() {
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(SCRATCH, { recursive: true });
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (listed.status !== 0) throw new Error('git ls-files failed: the check needs a git checkout');
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(path.join(ROOT, file))) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(SCRATCH, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(SCRATCH, file));
  }
  const copy = spawnSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(SCRATCH, 'node_modules')]);
  // Another file system: a real copy (Turbopack refuses a node_modules link leading out of the tree).
  if (copy.status !== 0) cpSync(path.join(ROOT, 'node_modules'), path.join(SCRATCH, 'node_modules'), { recursive: true });
}

function filesUnder(dir, filter) {
  const found = [];
  (function walk(current) {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (filter(entry.name)) found.push(full);
    }
  })(dir);
  return found;
}

/** Server files of a build that hold sandbox code, and the server JavaScript's total size. */
export function scanServerBundle(distDir) {
  const server = path.join(distDir, 'server');
  const scripts = filesUnder(server, (name) => name.endsWith('.js'));
  const withSandbox = scripts.filter((file) => {
    const text = readFileSync(file, 'utf8');
    return SANDBOX_MARKERS.some((marker) => text.includes(marker));
  });
  // What a standalone deployment would copy next to the server: traced files of each route.
  const traces = filesUnder(server, (name) => name.endsWith('.nft.json')).filter((file) => readFileSync(file, 'utf8').includes('lib/sandbox'));
  const bytes = scripts.reduce((sum, file) => sum + statSync(file).size, 0);
  return { scripts: scripts.length, bytes, withSandbox: withSandbox.map((file) => path.relative(distDir, file)), traces: traces.map((file) => path.relative(distDir, file)) };
}

const kib = (bytes) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KiB`;

/**
 * Builds the live variant unless this tree passed already (stamp), and checks it. Returns whether
 * the live server bundle is free of the sandbox; prints what it found, next to the usual build.
 */
export async function checkLiveBuild({ force = false } = {}) {
  checkMarkersAreReal();
  const hash = computeBuildHash({ ...process.env, ...LIVE_ENV });
  if (!force && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === hash) {
    log('this tree passed already (skipping the live build; --force to run it again)');
    return true;
  }
  log('building a live build (LIVESTORM_API_TOKEN set) in a scratch copy of the tree');
  copyTree();
  try {
    const started = Date.now();
    const result = await run(path.join(SCRATCH, path.relative(ROOT, localBin('next'))), ['build'], { cwd: SCRATCH, env: childEnv(LIVE_ENV) });
    if (exitStatus(result) !== 0) throw new Error(`next build failed (exit ${exitStatus(result)})`);
    const live = scanServerBundle(path.join(SCRATCH, '.next'));
    log(`live build: ${live.scripts} server scripts, ${kib(live.bytes)}, built in ${Math.round((Date.now() - started) / 1000)} s`);
    if (existsSync(path.join(ROOT, '.next', 'server'))) {
      const usual = scanServerBundle(path.join(ROOT, '.next'));
      log(`usual build (no token): ${usual.scripts} server scripts, ${kib(usual.bytes)}, sandbox code in ${usual.withSandbox.length} of them`);
    }
    const ok = live.withSandbox.length === 0 && live.traces.length === 0;
    if (ok) {
      log('the live build holds no sandbox code and traces no sandbox file');
      mkdirSync(path.dirname(STAMP), { recursive: true });
      writeFileSync(STAMP, `${hash}\n`);
    } else {
      for (const file of live.withSandbox) log(`sandbox code in ${file}`);
      for (const file of live.traces) log(`sandbox file traced by ${file}`);
    }
    return ok;
  } finally {
    rmSync(SCRATCH, { recursive: true, force: true });
  }
}
