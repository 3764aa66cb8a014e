import type { ReactNode } from 'react';
import { getConfig } from '@/lib/config';
import { buildLiveStatusPayload, sessionLabel } from '@/lib/events/live-status';
import type { SessionWithEvent } from '@/lib/livestorm/types';
import { LiveStatusProvider } from './live-status-provider';

/**
 * Wraps a page whose sessions show a live status: renders them as of the request time (complete
 * without JavaScript), then polls for changes in the browser.
 */
export function LiveStatusScope({ items, now, children }: { items: SessionWithEvent[]; now: number; children: ReactNode }) {
  return (
    <LiveStatusProvider
      pollSeconds={getConfig().liveStatus.pollSeconds}
      initial={buildLiveStatusPayload(items.map(({ session }) => session), now)}
      labels={Object.fromEntries(items.map(({ session, event }) => [session.id, sessionLabel(event, session)]))}
    >
      {children}
    </LiveStatusProvider>
  );
}
