import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The secret that signs form tokens: the configured one, else one generated once into DATA_DIR so
 * tokens survive a restart. Pure apart from its file (no config); the site reads it once per process
 * (registrationFormSecret in ./forms.ts).
 */

const SECRET_FILE = 'form-secret';
const MIN_SECRET_LENGTH = 32;
const SECRET_WAIT_ATTEMPTS = 20;
const SECRET_WAIT_MS = 10;

function readIfExists(file: string): string | null {
  try {
    return fs.readFileSync(/* turbopackIgnore: true */ file, 'utf8').trim();
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
export function loadOrCreateSecret(configured: string | null, dataDir: string, fileName = SECRET_FILE): string {
  if (configured !== null) return configured;
  // turbopackIgnore: a DATA_DIR file at run time, not a file of the build to trace.
  const file = path.join(/* turbopackIgnore: true */ dataDir, fileName);
  if (readIfExists(file) !== null) return awaitWrittenSecret(file);

  fs.mkdirSync(/* turbopackIgnore: true */ dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  let fd: number;
  try {
    fd = fs.openSync(/* turbopackIgnore: true */ file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return awaitWrittenSecret(file);
    throw error;
  }
  try {
    fs.writeSync(fd, `${secret}\n`);
  } catch (error) {
    // An empty file would stop every later start; leave no file rather than a broken one.
    fs.closeSync(fd);
    fs.rmSync(/* turbopackIgnore: true */ file, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return secret;
}
