const primary =
  'inline-flex min-h-11 items-center rounded-lg bg-accent px-4 py-2 font-semibold text-on-accent shadow-sm hover:bg-accent-strong';
const secondary =
  'inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-surface px-4 py-2 font-medium text-slate-800 hover:border-accent hover:text-accent-strong';

/** The listing as a calendar feed: a webcal:// subscription, and the same file over https for apps that only import. */
export function CalendarSubscribe({ subscribeUrl, downloadUrl, filtered }: { subscribeUrl: string; downloadUrl: string; filtered: boolean }) {
  return (
    <section aria-labelledby="calendar-feed" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-surface p-4 shadow-sm sm:flex-row sm:items-center sm:justify-between">
      <div className="flex flex-col gap-1">
        <h2 id="calendar-feed" className="font-semibold text-slate-900">
          Follow in your calendar
        </h2>
        <p id="calendar-feed-scope" className="text-sm text-slate-600">
          {filtered ? 'The upcoming webinars that match your filters' : 'Every upcoming webinar'}, kept up to date in your calendar app.
        </p>
      </div>
      <ul className="flex flex-wrap gap-2" role="list">
        <li>
          <a href={subscribeUrl} className={primary} aria-describedby="calendar-feed-scope">
            Subscribe to calendar
          </a>
        </li>
        <li>
          <a href={downloadUrl} download className={secondary} aria-describedby="calendar-feed-scope">
            Download .ics file
          </a>
        </li>
      </ul>
    </section>
  );
}
