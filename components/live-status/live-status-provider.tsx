'use client';

import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import useSWR from 'swr';
import {
  clockSkewMs,
  LIVE_STATUS_PATH,
  liveStatusAnnouncement,
  liveStatusPayloadSchema,
  type LiveStatus,
  type LiveStatusPayload,
} from '@/lib/events/live-status';
import { countdownRefreshDelay } from '@/lib/time';

interface LiveStatusSnapshot {
  payload: LiveStatusPayload;
  /** Server minus browser clock when they disagree by a minute or more, else 0. */
  skewMs: number;
}

async function fetchLiveStatus(path: string): Promise<LiveStatusSnapshot> {
  // Past the browser's own cache every time; a CDN may still answer from its few seconds of cache.
  const response = await fetch(path, { cache: 'no-cache', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`Live status answered HTTP ${response.status}`);
  const payload = liveStatusPayloadSchema.parse(await response.json());
  return { payload, skewMs: clockSkewMs(Date.parse(payload.serverTime), Date.now()) };
}

/** Polls the live status route while the tab is visible; undefined until the first answer. */
export function useLiveStatusFeed(pollSeconds: number): LiveStatusSnapshot | undefined {
  const { data } = useSWR(LIVE_STATUS_PATH, fetchLiveStatus, {
    refreshInterval: pollSeconds * 1000,
    // A hidden tab costs nothing; coming back to it asks at once (focus/visibility revalidation).
    refreshWhenHidden: false,
    refreshWhenOffline: false,
    revalidateOnFocus: true,
    revalidateOnReconnect: true,
    // The page was just rendered from the same catalog: the first poll can wait its turn.
    revalidateOnMount: false,
    revalidateIfStale: false,
  });
  return data;
}

interface LiveStatusContextValue {
  statuses: Readonly<Record<string, LiveStatus>>;
  labels: Readonly<Record<string, string>>;
  /** The countdowns' clock: the request time until mounted (so hydration matches), then the browser's. */
  now: number;
}

const LiveStatusContext = createContext<LiveStatusContextValue | null>(null);

interface LiveStatusProviderProps {
  pollSeconds: number;
  /** The sessions on this page as the server rendered them, at the request time. */
  initial: LiveStatusPayload;
  /** How each session is named in announcements and Join links. */
  labels: Record<string, string>;
  children: ReactNode;
}

/**
 * Live status for one page: a single poller however many cards (they read this context), one
 * timer for every countdown, and a polite live region for real changes ("… is live now").
 */
export function LiveStatusProvider({ pollSeconds, initial, labels, children }: LiveStatusProviderProps) {
  const snapshot = useLiveStatusFeed(pollSeconds);
  // SWR's cache outlives client navigations: an answer older than this page's render is old news.
  const latest =
    snapshot && Date.parse(snapshot.payload.serverTime) >= Date.parse(initial.serverTime) ? snapshot.payload : initial;
  // This page's sessions only; one missing from an answer (deleted, unpublished) keeps what it shows.
  const statuses = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(initial.sessions).map(([id, status]) => [id, latest.sessions[id] ?? status]),
      ) as Record<string, LiveStatus>,
    [initial, latest],
  );
  const skewMs = snapshot?.skewMs ?? 0;

  const [now, setNow] = useState<number | null>(null);
  // After mount, and after every answer (which also brings a slept laptop's countdowns back).
  useEffect(() => {
    const timer = setTimeout(() => setNow(Date.now() + skewMs), 0);
    return () => clearTimeout(timer);
  }, [snapshot, skewMs]);
  // Then one timer for the page, set to the next moment any countdown's text changes.
  useEffect(() => {
    if (now === null) return;
    const delays = Object.values(statuses).flatMap((status) => {
      const delay = status.state === 'upcoming' ? countdownRefreshDelay(Date.parse(status.startsAt) - now) : null;
      return delay === null ? [] : [delay];
    });
    if (delays.length === 0) return;
    const timer = setTimeout(() => setNow(Date.now() + skewMs), Math.min(...delays));
    return () => clearTimeout(timer);
  }, [now, statuses, skewMs]);

  // Announce what changed since the last statuses (React's "previous render" pattern). The last
  // message stays until there is news, so the region never flickers on a quiet poll.
  const [announced, setAnnounced] = useState({ statuses, message: '' });
  if (announced.statuses !== statuses) {
    const news = liveStatusAnnouncement(announced.statuses, statuses, labels);
    setAnnounced({ statuses, message: news || announced.message });
  }

  const serverNow = Date.parse(initial.serverTime);
  const value = useMemo(() => ({ statuses, labels, now: now ?? serverNow }), [statuses, labels, now, serverNow]);
  return (
    <LiveStatusContext value={value}>
      {children}
      <p role="status" className="sr-only">
        {announced.message}
      </p>
    </LiveStatusContext>
  );
}

/** A session's live status on this page, its name, and the countdowns' clock. */
export function useLiveStatus(sessionId: string): { status: LiveStatus | null; label: string; now: number } {
  const context = useContext(LiveStatusContext);
  if (!context) throw new Error('useLiveStatus needs a LiveStatusScope around the page');
  return { status: context.statuses[sessionId] ?? null, label: context.labels[sessionId] ?? '', now: context.now };
}

/** Several sessions' live statuses at once (a listing's day group). */
export function useLiveStatuses(sessionIds: readonly string[]): Array<LiveStatus | null> {
  const context = useContext(LiveStatusContext);
  if (!context) throw new Error('useLiveStatuses needs a LiveStatusScope around the page');
  return sessionIds.map((id) => context.statuses[id] ?? null);
}
