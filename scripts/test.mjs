// `npm test`: every test suite, on a fresh clone or a warm checkout, ending with ONE summary line
// "N passed, N failed[, N skipped]" (CI greps it) and exit code 0 only when nothing failed.
// Phases: deps → Chromium → unit (vitest) → production build → live build without the sandbox →
// e2e (Playwright vs `next start`).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  childEnv,
  ensureBuild,
  ensureDeps,
  exitStatus,
  interruptedBy,
  localBin,
  run,
  stopWhenOrphaned,
} from './lib/prepare.mjs';
import { checkLiveBuild } from './lib/live-build.mjs';

stopWhenOrphaned();

const CHROMIUM = '/usr/bin/chromium'; // playwright.config.ts launches this binary, never a downloaded one
const PHASES = 6;

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Failures that no test report shows (crashes, build errors); repeated just above the summary. */
const problems = [];
const reportDir = mkdtempSync(path.join(tmpdir(), 'livestorm-test-reports-'));

function header(step, title) {
  console.log(`\n━━ [${step}/${PHASES}] ${title}`);
}

function problem(message) {
  totals.failed += 1;
  problems.push(message);
  console.error(`✖ ${message}`);
}

function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

/** Prints the summary (always the very last line) and exits. */
function finish() {
  rmSync(reportDir, { recursive: true, force: true });
  const signal = interruptedBy();
  if (signal) problem(`interrupted by ${signal}`);
  if (problems.length > 0) {
    console.log('\nProblems outside the test reports:');
    for (const message of problems) console.log(`  - ${message}`);
  }
  const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Vitest's JSON reporter (Jest-compatible shape). Returns null when there is no usable report. */
function parseVitestReport(file) {
  const report = readJson(file);
  if (!report || !Array.isArray(report.testResults)) return null;
  const counts = { passed: 0, failed: 0, skipped: 0, fileErrors: [] };
  for (const fileResult of report.testResults) {
    const assertions = Array.isArray(fileResult.assertionResults) ? fileResult.assertionResults : [];
    for (const assertion of assertions) {
      if (assertion.status === 'passed') counts.passed += 1;
      else if (assertion.status === 'failed') counts.failed += 1;
      else counts.skipped += 1; // skipped, pending, todo, disabled
    }
    // A file that fails to import (or a failing beforeAll) has no failed test of its own.
    if (fileResult.status === 'failed' && !assertions.some((assertion) => assertion.status === 'failed')) {
      const where = path.relative(process.cwd(), String(fileResult.name ?? 'unknown file'));
      counts.fileErrors.push(`${where}: ${String(fileResult.message || 'suite failed').split('\n')[0]}`);
    }
  }
  return counts;
}

/** Playwright's JSON reporter. Returns null when there is no usable report. */
function parsePlaywrightReport(file) {
  const report = readJson(file);
  if (!report || typeof report.stats !== 'object' || report.stats === null) return null;
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  // Top-level errors happen outside any test: a test file that does not load, a web server that
  // never came up, "no tests found", a test.only under CI's forbidOnly.
  const errors = Array.isArray(report.errors)
    ? report.errors.map((error) => String(error?.message ?? error).split('\n')[0])
    : [];
  // Flaky tests passed on retry; CI allows one retry, so they count as passed.
  return { passed: expected + flaky, failed: unexpected, skipped, fileErrors: errors };
}

/** Adds one runner's results, turning "no report" and "bad exit, no failure" into failures. */
function record(runner, status, counts) {
  if (counts === null) {
    problem(`${runner} exited with code ${status} without writing a test report (crash or config error; see its output above)`);
    return;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  for (const message of counts.fileErrors) problem(`${runner}: ${message}`);
  if (status !== 0 && counts.failed === 0 && counts.fileErrors.length === 0) {
    problem(`${runner} exited with code ${status} although its report lists no failing test (e.g. an unhandled error or no tests found)`);
  }
}

function stopIfInterrupted() {
  if (interruptedBy()) finish();
}

async function ensureChromium() {
  if (existsSync(CHROMIUM)) {
    console.log(`[test] using ${CHROMIUM}`);
    return;
  }
  const manual = 'apt-get update && apt-get install -y chromium';
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`${CHROMIUM} is missing and this is not a Debian/Ubuntu system; install Chromium at ${CHROMIUM}.`);
  }
  if (process.getuid?.() !== 0) {
    throw new Error(`${CHROMIUM} is missing. Install it as root (sudo ${manual}) and run npm test again.`);
  }
  console.log(`[test] ${CHROMIUM} is missing; installing Debian's chromium package`);
  const env = childEnv({ DEBIAN_FRONTEND: 'noninteractive' });
  const update = await run('apt-get', ['update'], { env });
  if (exitStatus(update) !== 0) throw new Error(`apt-get update failed (exit ${exitStatus(update)})`);
  const install = await run('apt-get', ['install', '-y', 'chromium'], { env });
  if (exitStatus(install) !== 0) throw new Error(`apt-get install chromium failed (exit ${exitStatus(install)})`);
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} still does not exist`);
}

// 1. Dependencies: nothing below can run without them.
header(1, 'Dependencies');
try {
  await ensureDeps();
} catch (error) {
  problem(errorMessage(error));
  finish();
}
stopIfInterrupted();

// 2. Browser for the e2e tests (checked early so a missing browser fails fast).
header(2, 'Chromium');
try {
  await ensureChromium();
} catch (error) {
  problem(errorMessage(error));
  finish();
}
stopIfInterrupted();

// 3. Unit tests.
header(3, 'Unit tests (vitest)');
{
  const reportFile = path.join(reportDir, 'vitest.json');
  const result = await run(localBin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
  ]);
  stopIfInterrupted();
  record('vitest', exitStatus(result), parseVitestReport(reportFile));
}

// 4. Production build: the e2e tests run against `next start`, as users do.
header(4, 'Production build');
let buildOk = true;
try {
  await ensureBuild();
} catch (error) {
  buildOk = false;
  problem(`${errorMessage(error)}; end-to-end tests were not run`);
}
stopIfInterrupted();

// 5. A live build (LIVESTORM_API_TOKEN set) carries none of the sandbox: one check, counted as a test.
header(5, 'Live build without the sandbox');
try {
  if (await checkLiveBuild()) totals.passed += 1;
  else problem('the live build holds sandbox code (see [live-build] above)');
} catch (error) {
  problem(`live build check: ${errorMessage(error)}`);
}
stopIfInterrupted();

// 6. End-to-end tests (playwright.config.ts starts the HTTP sandbox and `next start`).
header(6, 'End-to-end tests (Playwright)');
if (buildOk) {
  const reportFile = path.join(reportDir, 'playwright.json');
  const result = await run(localBin('playwright'), ['test', '--reporter=list,json'], {
    env: childEnv({ PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile }),
    stopSignal: 'SIGINT', // Playwright's graceful stop, which also shuts its web servers down
  });
  stopIfInterrupted();
  record('playwright', exitStatus(result), parsePlaywrightReport(reportFile));
} else {
  console.log('[test] skipped: no production build');
}

finish();
