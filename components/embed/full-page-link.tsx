/** Leaves the iframe for the event's own page, in a new tab (the host page stays). */
export function FullPageLink({ slug }: { slug: string }) {
  return (
    <p className="text-sm">
      <a
        href={`/events/${encodeURIComponent(slug)}`}
        target="_blank"
        rel="noopener"
        className="inline-flex min-h-11 items-center font-medium text-accent underline underline-offset-2 hover:text-accent-strong"
      >
        Open the webinar page<span className="sr-only"> (opens in a new tab)</span>
        <span aria-hidden="true">&nbsp;↗</span>
      </a>
    </p>
  );
}
