import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfirmationSummary } from '@/components/registration/confirmation-view';
import { TimeZoneSync } from '@/components/time-zone-sync';
import { eventPath } from '@/lib/events/urls';
import { loadConfirmationPage } from '@/lib/pages/confirmation';

export const metadata: Metadata = {
  title: 'Your registration',
  description: 'The outcome of your webinar registration and how to join.',
  // Personal to one visitor: never indexed, never sent as a referrer. No canonical or og:url either:
  // the address is a private link, and no other URL shows this page.
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

const eventRegisterHref = (slug: string) => `${eventPath(slug)}#register`;

export default async function ConfirmationPage({ params }: { params: Promise<{ id: string }> }) {
  const page = await loadConfirmationPage((await params).id);
  if (!page) notFound();

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <TimeZoneSync serverTimeZone={page.viewerTimeZone} />
      <ConfirmationSummary
        items={page.items}
        viewerTimeZone={page.viewerTimeZone}
        locale={page.locale}
        siteUrl={page.siteUrl}
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
