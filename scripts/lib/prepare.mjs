// Shared "make the checkout runnable" steps for scripts/start.mjs and scripts/test.mjs.
// Plain Node ESM with built-ins only: it runs on a fresh clone before `npm install`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const NODE_MODULES = path.join(ROOT, 'node_modules');
const HIDDEN_LOCKFILE = path.join(NODE_MODULES, '.package-lock.json');
const NEXT_DIR = path.join(ROOT, '.next');
const BUILD_ID = path.join(NEXT_DIR, 'BUILD_ID');
const BUILD_STAMP = path.join(NEXT_DIR, '.build-stamp');

/** Folders whose contents go into the Next.js build (optional ones may not exist yet). */
const BUILD_INPUT_DIRS = ['app', 'components', 'lib', 'public', 'styles', 'content'];

/**
 * Root files that change build output. Several spellings are listed because Next accepts them all;
 * .env* files are usually git-ignored, yet `next build` inlines their NEXT_PUBLIC_* values.
 */
const BUILD_INPUT_FILES = [
  'next.config.js',
  'next.config.mjs',
  'next.config.cjs',
  'next.config.ts',
  'next.config.mts',
  'tailwind.config.ts',
  'tailwind.config.js',
  'tailwind.config.mjs',
  'postcss.config.mjs',
  'postcss.config.js',
  'postcss.config.cjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  'instrumentation.ts',
  'instrumentation-client.ts',
  'middleware.ts',
  'proxy.ts',
  'mdx-components.tsx',
  '.env',
  '.env.local',
  '.env.production',
  '.env.production.local',
];

/** Environment shared by every child: Next must never phone home from here or from CI. */
export function childEnv(extra = {}) {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

/** Absolute path of a locally installed CLI (avoids npx's registry lookups). */
export function localBin(name) {
  return path.join(NODE_MODULES, '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
}

export function log(message) {
  console.log(`[prepare] ${message}`);
}

// ---------------------------------------------------------------------------
// Child processes with signal forwarding

/** Running children, each with the signal that stops it gracefully (null: forward as received). */
const activeChildren = new Map();
let forwardingInstalled = false;
let receivedSignal = null;

/** The signal that interrupted us, if any, so callers stop instead of starting the next phase. */
export function interruptedBy() {
  return receivedSignal;
}

function handleSignal(signal) {
  receivedSignal = signal;
  if (activeChildren.size === 0) process.exit(128 + (osConstants.signals[signal] ?? 1));
  // Ctrl-C in a terminal already reaches the whole process group; a second SIGINT would read as
  // a second Ctrl-C, which some tools treat as "force quit, skip cleanup".
  if (signal === 'SIGINT' && process.stdin.isTTY) return;
  for (const [child, stopSignal] of activeChildren) child.kill(stopSignal ?? signal);
}

function installSignalForwarding() {
  if (forwardingInstalled) return;
  forwardingInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => handleSignal(signal));
}

/**
 * npm runs scripts as `npm → sh -c → node`. Debian's dash does not exec the command, and when npm
 * forwards SIGTERM the shell dies without passing it on, orphaning us (and `next start` would keep
 * the port). Under npm, losing that parent is therefore treated as SIGTERM. Outside npm (e.g.
 * `nohup node scripts/start.mjs &`) a vanishing parent is normal, so nothing is watched.
 */
export function stopWhenOrphaned() {
  if (!process.env.npm_lifecycle_event) return;
  installSignalForwarding();
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    console.error('[prepare] parent process exited; shutting down');
    handleSignal('SIGTERM');
  }, 1000);
  timer.unref(); // never keeps the process alive by itself
}

/**
 * Runs a command with inherited stdio and resolves with how it ended (never rejects on a
 * non-zero exit; rejects only when the command cannot be spawned at all).
 * `stopSignal` replaces whatever signal we receive when passing it on: Playwright tears its web
 * servers down only on SIGINT and leaves them running (and the ports taken) on SIGTERM.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, stopSignal?: NodeJS.Signals }} [options]
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null }>}
 */
export function run(command, args, options = {}) {
  installSignalForwarding();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? childEnv(),
      stdio: 'inherit',
      // npm is a .cmd shim on Windows and cannot be spawned without a shell there.
      shell: process.platform === 'win32',
    });
    activeChildren.set(child, options.stopSignal ?? null);
    child.once('error', (error) => {
      activeChildren.delete(child);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      activeChildren.delete(child);
      resolve({ code, signal });
    });
  });
}

/** Numeric exit status for a finished child (signals map to the shell convention 128+n). */
export function exitStatus({ code, signal }) {
  if (signal) return 128 + (osConstants.signals[signal] ?? 1);
  return code ?? 1;
}

// ---------------------------------------------------------------------------
// Dependencies

function mtimeMs(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** Why `npm install` is needed, or null when node_modules is current. */
export function depsOutOfDate() {
  if (!existsSync(NODE_MODULES)) return 'node_modules is missing';
  const installed = mtimeMs(HIDDEN_LOCKFILE);
  if (installed === null) return 'node_modules/.package-lock.json is missing';
  for (const manifest of ['package.json', 'package-lock.json']) {
    const changed = mtimeMs(path.join(ROOT, manifest));
    if (changed !== null && changed > installed) return `${manifest} is newer than the last install`;
  }
  // A half-finished install can leave the lockfile behind without the tools we call.
  for (const bin of ['next', 'vitest', 'playwright', 'tsx']) {
    if (!existsSync(localBin(bin))) return `node_modules/.bin/${bin} is missing`;
  }
  return null;
}

/**
 * Installs dependencies when node_modules is missing or older than package(-lock).json.
 * `npm ci` does not work on this infrastructure; `npm install` still honours package-lock.json.
 * Throws when the install fails.
 */
export async function ensureDeps() {
  const reason = depsOutOfDate();
  if (reason === null) {
    log('dependencies are up to date (skipping npm install)');
    return { installed: false };
  }
  log(`installing dependencies: ${reason}`);
  const result = await run('npm', ['install', '--no-audit', '--no-fund', '--include=dev'], {
    // --include=dev: the build and tests need devDependencies even when NODE_ENV=production.
    // Browsers come from the OS (/usr/bin/chromium), never from Playwright's CDN.
    env: childEnv({ PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }),
  });
  if (exitStatus(result) !== 0) throw new Error(`npm install failed (exit ${exitStatus(result)})`);
  // npm leaves the hidden lockfile untouched when nothing changed; bump it so an edited-but-
  // equivalent package.json does not trigger a reinstall on every run.
  if (existsSync(HIDDEN_LOCKFILE)) {
    const now = new Date();
    utimesSync(HIDDEN_LOCKFILE, now, now);
  }
  return { installed: true };
}

// ---------------------------------------------------------------------------
// Build

/** Build input files (relative, POSIX separators) as git sees them, or null outside a checkout. */
function gitInputFiles() {
  const result = spawnSync(
    'git',
    // --others --exclude-standard also picks up new files nobody has `git add`ed yet.
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...BUILD_INPUT_DIRS, ...BUILD_INPUT_FILES],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error || result.status !== 0) return null;
  // A checkout nested in another repository would list paths relative to ROOT anyway (cwd).
  return result.stdout.split('\0').filter(Boolean);
}

function walk(relativeDir, out) {
  let entries;
  try {
    entries = readdirSync(path.join(ROOT, relativeDir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name === '.git' || entry.name === '.DS_Store') continue;
    const relative = `${relativeDir}/${entry.name}`;
    if (entry.isDirectory()) walk(relative, out);
    else if (entry.isFile()) out.push(relative);
  }
}

function walkedInputFiles() {
  const files = [];
  for (const dir of BUILD_INPUT_DIRS) walk(dir, files);
  return files;
}

/**
 * Content hash of everything `next build` reads, used to skip rebuilding an unchanged tree. `env`
 * is the build's environment (a token makes a live build, without the sandbox).
 */
export function computeBuildHash(env = process.env) {
  const files = new Set(gitInputFiles() ?? walkedInputFiles());
  // Root files are added explicitly: git may ignore some of them (.env*), and the walk skips them.
  for (const file of BUILD_INPUT_FILES) if (existsSync(path.join(ROOT, file))) files.add(file);

  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    let content;
    try {
      content = readFileSync(path.join(ROOT, file));
    } catch {
      continue; // tracked but deleted in the working tree: it is not a build input any more
    }
    hash.update(`${file}\0${createHash('sha256').update(content).digest('hex')}\n`);
  }
  // A token at build time makes a live build without the sandbox (next.config.js).
  hash.update(`sandbox:${env.LIVESTORM_API_TOKEN?.trim() ? 'no' : 'yes'}\n`);
  // NEXT_PUBLIC_* values are inlined into the client bundle at build time.
  for (const key of Object.keys(env).filter((name) => name.startsWith('NEXT_PUBLIC_')).sort()) {
    hash.update(`env:${key}=${env[key]}\n`);
  }
  return hash.digest('hex');
}

/** Why `next build` is needed, or null when .next matches the current sources. */
export function buildOutOfDate(hash = computeBuildHash()) {
  if (!existsSync(BUILD_ID)) return '.next/BUILD_ID is missing';
  let stamp = null;
  try {
    stamp = readFileSync(BUILD_STAMP, 'utf8').trim();
  } catch {
    return '.next/.build-stamp is missing';
  }
  return stamp === hash ? null : 'sources changed since the last build';
}

/**
 * Runs `next build` unless .next/.build-stamp matches the hash of the build inputs.
 * Throws when the build fails.
 */
export async function ensureBuild() {
  // Hashed before building: the stamp must describe what the build started from. A file edited
  // mid-build (or tsconfig.json rewritten by Next) then no longer matches, and the next run
  // rebuilds instead of trusting a possibly stale .next.
  const hash = computeBuildHash();
  const reason = buildOutOfDate(hash);
  if (reason === null) {
    log('production build is up to date (skipping next build)');
    return { built: false };
  }
  log(`building: ${reason}`);
  // A failed build must never leave an old stamp that vouches for a half-written .next.
  rmSync(BUILD_STAMP, { force: true });
  const result = await run(localBin('next'), ['build'], { env: childEnv() });
  if (exitStatus(result) !== 0) throw new Error(`next build failed (exit ${exitStatus(result)})`);
  writeFileSync(BUILD_STAMP, `${hash}\n`);
  return { built: true };
}
