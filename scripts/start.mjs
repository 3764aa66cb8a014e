// `npm start`: install what is missing, build if sources changed, then serve the production build.
// Without LIVESTORM_API_TOKEN the app runs on its in-process sandbox, so a fresh clone just works.
// Usage: npm start [-- <extra `next start` args>]; PORT (default 3000) and HOST are honoured.
import { childEnv, ensureBuild, ensureDeps, exitStatus, localBin, run, stopWhenOrphaned } from './lib/prepare.mjs';

stopWhenOrphaned();

try {
  await ensureDeps();
  await ensureBuild();
} catch (error) {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const port = process.env.PORT || '3000';
const host = process.env.HOST || '';
const args = ['start', '-p', port, ...(host ? ['-H', host] : []), ...process.argv.slice(2)];
console.log(`[start] next ${args.join(' ')}  →  http://${host || 'localhost'}:${port}`);

// run() forwards SIGINT/SIGTERM/SIGHUP to next; we mirror how it ended so supervisors see the truth.
const result = await run(localBin('next'), args, { env: childEnv() });
if (result.signal) {
  // Re-raise so our parent sees "killed by SIGTERM" rather than a plain exit code.
  process.removeAllListeners(result.signal);
  process.kill(process.pid, result.signal);
}
process.exit(exitStatus(result));
