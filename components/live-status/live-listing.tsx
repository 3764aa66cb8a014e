'use client';

import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { leavesListing } from '@/lib/events/live-status';
import { useLiveStatus, useLiveStatuses } from './live-status-provider';

/** A listing's list item, gone once its session has ended. */
export function LiveListingItem({ sessionId, children }: { sessionId: string; children: ReactNode }) {
  const { status } = useLiveStatus(sessionId);
  return leavesListing(status) ? null : <li>{children}</li>;
}

/** A listing's day: gone once every session in it has ended. */
export function LiveDayGroup({ sessionIds, ...section }: ComponentPropsWithoutRef<'section'> & { sessionIds: string[] }) {
  const statuses = useLiveStatuses(sessionIds);
  return statuses.every(leavesListing) ? null : <section {...section} />;
}
