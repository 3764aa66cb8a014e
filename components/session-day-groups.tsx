import type { DayGroup } from '@/lib/events/select';
import type { SessionWithEvent } from '@/lib/livestorm/types';
import { formatDayHeading } from '@/lib/time';
import { LiveDayGroup, LiveListingItem } from './live-status/live-listing';
import { SessionCard } from './session-card';

interface SessionDayGroupsProps {
  groups: DayGroup[];
  viewerTimeZone: string | null;
  locale: string;
  /** Where a card leads when not to the site's event page (embeds). */
  hrefFor?: (item: SessionWithEvent) => string;
}

/**
 * A listing's sessions under their day headings. Inside a LiveStatusScope: a card leaves once its
 * session has ended, and a day once all of its cards have.
 */
export function SessionDayGroups({ groups, viewerTimeZone, locale, hrefFor }: SessionDayGroupsProps) {
  return groups.map((group) => (
    <LiveDayGroup
      key={group.day}
      sessionIds={group.items.map((item) => item.session.id)}
      aria-labelledby={`day-${group.day}`}
      className="flex flex-col gap-3"
    >
      <h2 id={`day-${group.day}`} className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        <time dateTime={group.day}>{formatDayHeading(group.day, locale)}</time>
      </h2>
      <ul className="flex flex-col gap-3" role="list">
        {group.items.map((item) => (
          <LiveListingItem key={item.session.id} sessionId={item.session.id}>
            <SessionCard item={item} viewerTimeZone={viewerTimeZone} locale={locale} href={hrefFor?.(item)} />
          </LiveListingItem>
        ))}
      </ul>
    </LiveDayGroup>
  ));
}
