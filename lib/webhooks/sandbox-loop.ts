import { getConfig } from '@/lib/config';
import { getLivestorm } from '@/lib/livestorm';
import { errorFields, log } from '@/lib/log';
import { siteWebhookUrl, syncSiteSubscriptions } from './subscriptions';

/**
 * In sandbox mode the site subscribes its own webhook route to the in-process sandbox at start-up,
 * so the whole loop (change, signed delivery, refresh) works with no setup. Deliveries go to
 * SITE_URL: they reach this server when SITE_URL is its address (http://localhost:3000 by default).
 */
export async function subscribeToSandboxWebhooks(): Promise<void> {
  const config = getConfig();
  if (config.mode !== 'sandbox') return;
  const url = siteWebhookUrl(config.site.url);
  try {
    const sync = await syncSiteSubscriptions(getLivestorm(), url);
    log.info('sandbox webhooks: the site is subscribed to its sandbox', { url, created: sync.created.length, present: sync.kept.length });
  } catch (error) {
    log.warn('sandbox webhooks: could not subscribe the site', { url, ...errorFields(error) });
  }
}
