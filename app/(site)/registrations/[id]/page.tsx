import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfirmationEntry, pageHeading } from '@/components/registration/confirmation-view';
import { TimeZoneSync } from '@/components/time-zone-sync';
import { getConfig } from '@/lib/config';
import { getViewerTimeZone } from '@/lib/events/catalog';
import { getConfirmation } from '@/lib/registration/service';

export const metadata: Metadata = {
  title: 'Your registration',
  description: 'The outcome of your webinar registration and how to join.',
  // Personal to one visitor: never indexed, never sent as a referrer. No canonical or og:url either:
  // the address is a private link, and no other URL shows this page.
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

const eventRegisterHref = (slug: string) => `/events/${encodeURIComponent(slug)}#register`;

export default async function ConfirmationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [confirmation, viewerTimeZone] = await Promise.all([getConfirmation(id), getViewerTimeZone()]);
  if (!confirmation) notFound();
  const { site } = getConfig();
  const heading = pageHeading(confirmation.items);
  const events = [...new Map(confirmation.items.flatMap((item) => (item.event ? [[item.event.id, item.event] as const] : []))).values()];

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <TimeZoneSync serverTimeZone={viewerTimeZone} />
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{heading}</h1>
        {events.length === 1 ? <p className="text-lg text-slate-700">{events[0]!.title}</p> : null}
      </header>
      <ul className="flex flex-col gap-4" role="list">
        {confirmation.items.map((item) => (
          <li key={item.entryId} data-status={item.status} data-session-id={item.session?.id} className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-surface p-5 shadow-sm">
            <ConfirmationEntry item={item} viewerTimeZone={viewerTimeZone} locale={site.locale} siteUrl={site.url} showStatus={confirmation.items.length > 1} registerHref={eventRegisterHref} />
          </li>
        ))}
      </ul>
      <p>
        <Link href="/" className="inline-flex min-h-11 items-center font-medium text-accent underline-offset-2 hover:underline">
          ← See all upcoming webinars
        </Link>
      </p>
    </div>
  );
}

