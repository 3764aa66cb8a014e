'use client';

import { useSyncExternalStore } from 'react';
import { formatSessionWhen, type SessionWhen } from '@/lib/time';

const subscribe = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const noZoneOnServer = () => null;

export interface ServerSessionTime {
  /** Zone of the server render: the visitor's (cookie) when known, else the session's. */
  zone: string;
  when: SessionWhen;
  /** The same start in the session's own zone, when that differs from `zone`. */
  original: SessionWhen | null;
}

interface SessionTimeProps {
  startsAt: string;
  durationMinutes: number | null;
  sessionTimeZone: string;
  locale: string;
  server: ServerSessionTime;
  variant?: 'compact' | 'full';
}

/**
 * Hydrates with the server's own strings (Node's and the browser's ICU differ in spacing, so
 * re-formatting during hydration would mismatch), then shows the time in the browser's zone.
 */
export function SessionTime({ startsAt, durationMinutes, sessionTimeZone, locale, server, variant = 'compact' }: SessionTimeProps) {
  const browserZone = useSyncExternalStore(subscribe, browserTimeZone, noZoneOnServer);
  const zone = browserZone ?? server.zone;
  const when = browserZone ? formatSessionWhen(startsAt, durationMinutes, zone, locale) : server.when;
  // The "in the session's own zone" line belongs to the full variant only.
  const original =
    variant !== 'full'
      ? null
      : !browserZone
        ? server.original
        : zone === sessionTimeZone
          ? null
          : formatSessionWhen(startsAt, durationMinutes, sessionTimeZone, locale);
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
