'use client';

import { useSyncExternalStore } from 'react';
import { formatSessionWhen } from '@/lib/time';

const subscribe = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * The zone to show times in: during SSR and hydration the server's choice (so the markup
 * matches), then the browser's own zone, which React swaps in right after hydration.
 */
export function useDisplayTimeZone(serverTimeZone: string): string {
  return useSyncExternalStore(subscribe, browserTimeZone, () => serverTimeZone);
}

interface SessionTimeProps {
  startsAt: string;
  durationMinutes: number | null;
  /** Zone used for the server render: the visitor's (cookie) when known, else the session's. */
  serverTimeZone: string;
  /** The session's own zone, mentioned when the visitor's differs. */
  sessionTimeZone: string;
  locale: string;
  variant?: 'compact' | 'full';
}

export function SessionTime({
  startsAt,
  durationMinutes,
  serverTimeZone,
  sessionTimeZone,
  locale,
  variant = 'compact',
}: SessionTimeProps) {
  const zone = useDisplayTimeZone(serverTimeZone);
  const when = formatSessionWhen(startsAt, durationMinutes, zone, locale);
  const original = zone === sessionTimeZone ? null : formatSessionWhen(startsAt, durationMinutes, sessionTimeZone, locale);
  return (
    <span className="inline-flex flex-col">
      <time dateTime={startsAt} className="tabular-nums">
        {variant === 'full' ? when.date : when.shortDate}
        <span aria-hidden="true"> · </span>
        <span className="sr-only">, </span>
        {when.time} <abbr title={zone} className="no-underline">{when.zone}</abbr>
      </time>
      {variant === 'full' && original ? (
        <span className="text-sm text-slate-600">
          {original.shortDate}, {original.time} {original.zone} in {sessionTimeZone.replaceAll('_', ' ')}
        </span>
      ) : null}
    </span>
  );
}
