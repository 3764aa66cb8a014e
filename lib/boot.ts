import { getConfig, type Config } from './config';
import { buildIncludesSandbox } from './livestorm/public';
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
  if (config.mode === 'sandbox' && !buildIncludesSandbox()) {
    console.error(
      'LIVESTORM_API_TOKEN is not set, but this build has no sandbox: it was built with LIVESTORM_API_TOKEN set, as a live ' +
        'build. Set LIVESTORM_API_TOKEN, or build again without it to serve the demo data.',
    );
    process.exit(1);
  }
  log.info(
    config.mode === 'sandbox'
      ? 'Livestorm mode: sandbox (no LIVESTORM_API_TOKEN set; serving seeded demo data in-process)'
      : `Livestorm mode: live (${config.livestorm.baseUrl})`,
    { mode: config.mode, revalidateSeconds: config.livestorm.revalidateSeconds },
  );
  log.info(describeRevalidation(config), {
    revalidateSeconds: config.livestorm.revalidateSeconds,
    reason: config.livestorm.revalidateReason,
    webhooks: config.webhooks.secret !== null,
    monthlyReadBudget: config.livestorm.monthlyReadBudget,
  });
}

function describeRevalidation({ livestorm, webhooks }: Config): string {
  const every = `Catalog refresh: every ${livestorm.revalidateSeconds} s`;
  switch (livestorm.revalidateReason) {
    case 'explicit':
      return `${every} (LIVESTORM_REVALIDATE_SECONDS)${webhooks.secret === null ? '' : '; webhooks refresh changes at once'}`;
    case 'no-webhooks':
      return `${every} (default; set LIVESTORM_WEBHOOK_SECRET to refresh on Livestorm's webhooks instead)`;
    case 'read-budget':
      return `${every} as a safety net, from LIVESTORM_MONTHLY_READ_BUDGET=${livestorm.monthlyReadBudget}; webhooks refresh changes at once`;
  }
}
