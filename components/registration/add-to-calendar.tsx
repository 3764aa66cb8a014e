import { googleCalendarUrl, outlookCalendarUrl } from '@/lib/calendar/session-calendar';
import type { Session, WebinarEvent } from '@/lib/livestorm/types';

const linkClass =
  'inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-surface px-3 py-2 text-sm font-medium text-slate-800 hover:border-accent hover:text-accent';

/** A calendar file (any calendar app) plus the two web calendars most visitors use. */
export function AddToCalendar({ event, session, siteUrl }: { event: WebinarEvent; session: Session; siteUrl: string }) {
  return (
    <div className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold text-slate-900">Add to your calendar</h3>
      <ul className="flex flex-wrap gap-2" role="list">
        <li>
          <a href={`/calendar/${encodeURIComponent(session.id)}.ics`} download className={linkClass}>
            Calendar file (.ics)
          </a>
        </li>
        <li>
          <a href={googleCalendarUrl({ event, session, siteUrl })} target="_blank" rel="noopener noreferrer" className={linkClass}>
            Google Calendar<span className="sr-only"> (opens in a new tab)</span>
          </a>
        </li>
        <li>
          <a href={outlookCalendarUrl({ event, session, siteUrl })} target="_blank" rel="noopener noreferrer" className={linkClass}>
            Outlook<span className="sr-only"> (opens in a new tab)</span>
          </a>
        </li>
      </ul>
    </div>
  );
}
