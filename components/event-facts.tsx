import type { WebinarEvent } from '@/lib/livestorm/types';
import { formatDuration } from '@/lib/time';
import { languageName } from '@/lib/languages';

/** Duration, language and host of an event, as a description list. */
export function EventFacts({ event, locale }: { event: WebinarEvent; locale: string }) {
  const duration = formatDuration(event.durationMinutes);
  if (!duration && !event.language && !event.host) return null;
  return (
    <dl className="flex flex-wrap gap-x-8 gap-y-3 text-sm text-slate-700">
      {duration ? (
        <div>
          <dt className="font-semibold text-slate-900">Duration</dt>
          <dd>{duration}</dd>
        </div>
      ) : null}
      {event.language ? (
        <div>
          <dt className="font-semibold text-slate-900">Language</dt>
          <dd lang={event.language}>{languageName(event.language, locale)}</dd>
        </div>
      ) : null}
      {event.host ? (
        <div>
          <dt className="font-semibold text-slate-900">Host</dt>
          <dd>{event.host.name}</dd>
        </div>
      ) : null}
    </dl>
  );
}
