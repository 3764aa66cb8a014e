import { processSingleton } from '@/lib/process-singleton';

/**
 * What the webhook route has seen, for the operators' status page: one record per process, which
 * the route writes and the status page reads. Nothing personal is kept.
 */

export type WebhookOutcome = 'accepted' | 'duplicate' | 'refused' | 'ignored';

export interface WebhookActivity {
  /** ISO time of the last delivery that passed the signature check (accepted or duplicate). */
  lastAcceptedAt: string | null;
  /** Its Livestorm event name, e.g. `session.started`. */
  lastEvent: string | null;
  /** ISO time of the last delivery refused (bad or stale signature, unreadable body). */
  lastRefusedAt: string | null;
  counts: Record<WebhookOutcome, number>;
}

function state(): WebhookActivity {
  return processSingleton('webhooks:activity', () => ({
    lastAcceptedAt: null,
    lastEvent: null,
    lastRefusedAt: null,
    counts: { accepted: 0, duplicate: 0, refused: 0, ignored: 0 },
  }));
}

export function recordWebhook(outcome: WebhookOutcome, event: string | null, at = new Date()): void {
  const activity = state();
  activity.counts[outcome] += 1;
  if (outcome === 'refused') {
    activity.lastRefusedAt = at.toISOString();
    return;
  }
  activity.lastAcceptedAt = at.toISOString();
  activity.lastEvent = event;
}

export function webhookActivity(): WebhookActivity {
  const activity = state();
  return { ...activity, counts: { ...activity.counts } };
}
