import { getConfig } from './config';
import { log } from './log';

/** Server start-up (Node runtime only): validate configuration and say which Livestorm we use. */
export function boot() {
  let config;
  try {
    config = getConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    // A misconfigured site must not come up half-working.
    process.exit(1);
  }
  log.info(
    config.mode === 'sandbox'
      ? 'Livestorm mode: sandbox (no LIVESTORM_API_TOKEN set; serving seeded demo data in-process)'
      : `Livestorm mode: live (${config.livestorm.baseUrl})`,
    { mode: config.mode, revalidateSeconds: config.livestorm.revalidateSeconds },
  );
}
