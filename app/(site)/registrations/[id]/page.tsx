import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfirmationSummary } from '@/components/registration/confirmation-view';
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

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <TimeZoneSync serverTimeZone={viewerTimeZone} />
      <ConfirmationSummary
        items={confirmation.items}
        viewerTimeZone={viewerTimeZone}
        locale={site.locale}
        siteUrl={site.url}
        registerHref={eventRegisterHref}
      />
      <p>
        <Link href="/" className="inline-flex min-h-11 items-center font-medium text-accent underline-offset-2 hover:underline">
          ← See all upcoming webinars
        </Link>
      </p>
    </div>
  );
}

