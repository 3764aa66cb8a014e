/** Runs once when the server starts: validate configuration and say which Livestorm we talk to. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getConfig } = await import('./lib/config');
  let config;
  try {
    config = getConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    // A misconfigured site must not come up half-working.
    process.exit(1);
  }
  const { log } = await import('./lib/log');
  log.info(
    config.mode === 'sandbox'
      ? 'Livestorm mode: sandbox (no LIVESTORM_API_TOKEN set; serving seeded demo data in-process)'
      : `Livestorm mode: live (${config.livestorm.baseUrl})`,
    { mode: config.mode, revalidateSeconds: config.livestorm.revalidateSeconds },
  );
}
