import Link from 'next/link';
import { AddToCalendar } from '@/components/registration/add-to-calendar';
import { SessionTime } from '@/components/session-time';
import type { ConfirmationItem } from '@/lib/pages/confirmation';
import { serverSessionTime } from '@/lib/time';

/** Where "register for another session" leads: the event page, or the embed's form inside an iframe. */
export type RegisterHref = (eventSlug: string) => string;

export const HEADINGS: Record<ConfirmationItem['status'], string> = {
  registered: 'You’re registered',
  pending: 'Registration received',
  already_registered: 'You’re already registered',
  closed: 'This session is no longer open',
  rejected: 'We couldn’t complete this registration',
};

export function pageHeading(items: ConfirmationItem[]): string {
  const statuses = new Set(items.map((item) => item.status));
  if (statuses.size === 1) return HEADINGS[items[0]!.status];
  const succeeded = items.filter((item) => item.status === 'registered' || item.status === 'already_registered' || item.status === 'pending');
  return succeeded.length === 0 ? 'We couldn’t complete your registration' : `Registered for ${succeeded.length} of ${items.length} sessions`;
}

/**
 * A submission's outcome: the heading, the event (when there is one) and each session's entry.
 * Shared by the site's confirmation page and the embed's; `compact` suits the iframe.
 */
export function ConfirmationSummary({
  items,
  viewerTimeZone,
  locale,
  siteUrl,
  registerHref,
  compact = false,
}: {
  items: ConfirmationItem[];
  viewerTimeZone: string | null;
  locale: string;
  siteUrl: string;
  registerHref: RegisterHref;
  compact?: boolean;
}) {
  const events = [...new Map(items.flatMap((item) => (item.event ? [[item.event.id, item.event] as const] : []))).values()];
  return (
    <>
      <header className={`flex flex-col ${compact ? 'gap-1' : 'gap-2'}`}>
        <h1 className={`${compact ? 'text-2xl' : 'text-3xl'} font-bold tracking-tight text-slate-900`}>{pageHeading(items)}</h1>
        {events.length === 1 ? <p className="text-lg text-slate-700">{events[0]!.title}</p> : null}
      </header>
      <ul className="flex flex-col gap-4" role="list">
        {items.map((item) => (
          <li key={item.entryId} data-status={item.status} data-session-id={item.session?.id} className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-surface p-5 shadow-sm">
            <ConfirmationEntry
              item={item}
              viewerTimeZone={viewerTimeZone}
              locale={locale}
              siteUrl={siteUrl}
              showStatus={items.length > 1}
              registerHref={registerHref}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

function ConfirmationEntry({
  item,
  viewerTimeZone,
  locale,
  siteUrl,
  showStatus,
  registerHref,
}: {
  item: ConfirmationItem;
  viewerTimeZone: string | null;
  locale: string;
  siteUrl: string;
  showStatus: boolean;
  registerHref: RegisterHref;
}) {
  const { session, event } = item;
  const calendar = session && event && item.status !== 'closed' && item.status !== 'rejected';
  return (
    <>
      {showStatus ? <h2 className="text-lg font-semibold text-slate-900">{HEADINGS[item.status]}</h2> : null}
      {session && event ? (
        <div className="flex flex-col gap-1">
          {showStatus ? <p className="font-medium text-slate-900">{event.title}</p> : null}
          {session.name ? <p className="text-slate-700">{session.name}</p> : null}
          <SessionTime
            startsAt={session.startsAt}
            durationMinutes={event.durationMinutes}
            sessionTimeZone={session.timeZone}
            locale={locale}
            server={serverSessionTime(session.startsAt, event.durationMinutes, session.timeZone, viewerTimeZone, locale)}
            variant="full"
          />
        </div>
      ) : null}
      <StatusMessage item={item} />
      {calendar ? <AddToCalendar event={event} session={session} siteUrl={siteUrl} /> : null}
      {(item.status === 'closed' || item.status === 'rejected') && event ? <OtherSessions item={item} registerHref={registerHref} /> : null}
    </>
  );
}

function StatusMessage({ item }: { item: ConfirmationItem }) {
  switch (item.status) {
    case 'registered':
      return item.joinLink ? (
        <div className="flex flex-col gap-2 rounded-xl bg-accent-soft p-4">
          <p className="text-slate-800">This is your personal join link. Keep it to yourself: it lets you into the session as you.</p>
          <a href={item.joinLink} rel="noreferrer" className="inline-flex min-h-11 w-fit items-center rounded-lg bg-accent px-4 py-2 font-semibold text-on-accent hover:bg-accent-strong">
            Join the session
          </a>
          <p className="text-sm text-slate-700">It has also been e-mailed to you.</p>
        </div>
      ) : (
        <p className="text-slate-700">Your personal join link has been e-mailed to you. Check your inbox (and the spam folder) for a message from Livestorm.</p>
      );
    case 'pending':
      return (
        <p className="text-slate-700">
          We have your registration and are passing it on to our webinar platform, which is busy right now. Nothing more to do: the confirmation with your personal join link will come by e-mail.
        </p>
      );
    case 'already_registered':
      return (
        <p className="text-slate-700">
          This e-mail address is already registered for this session. The personal join link was e-mailed when the registration was made; check that inbox (and the spam folder).
        </p>
      );
    case 'closed':
      return <p className="text-slate-700">Registration closed before yours reached us: the session has started, ended or was cancelled. Nothing was registered.</p>;
    case 'rejected':
      return (
        <p className="text-slate-700">
          The webinar platform did not accept this registration{item.detail ? `: ${item.detail}` : '.'} Nothing was registered; please try again from the webinar page.
        </p>
      );
  }
}

/** When a chosen session closed, the other open sessions of the same webinar. */
function OtherSessions({ item, registerHref }: { item: ConfirmationItem; registerHref: RegisterHref }) {
  const others = item.otherOpenSessions;
  return (
    <p>
      <Link href={registerHref(item.event!.slug)} className="inline-flex min-h-11 items-center rounded-lg bg-accent px-4 py-2 font-semibold text-on-accent hover:bg-accent-strong">
        {others === 0 ? 'See the webinar page' : others === 1 ? 'Register for the other session' : `Choose one of ${others} other sessions`}
      </Link>
    </p>
  );
}
