import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbedFrame } from '@/components/embed/embed-frame';
import { ConfirmationSummary, pageHeading } from '@/components/registration/confirmation-view';
import { getConfig } from '@/lib/config';
import { EMBED_PATHS, embedHref, parseEmbedContext } from '@/lib/embed/options';
import type { EmbedEvent, EmbedRegistrationStatus } from '@/lib/embed/protocol';
import { getViewerTimeZone } from '@/lib/events/catalog';
import { getConfirmation, type ConfirmationItem } from '@/lib/registration/service';

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const metadata: Metadata = {
  title: 'Your registration',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

const SUCCEEDED = new Set<ConfirmationItem['status']>(['registered', 'pending', 'already_registered']);

/** What the host learns: which sessions went through, and how. Nothing about the person. */
function outcomeEvent(items: ConfirmationItem[]): EmbedEvent | null {
  const succeeded = items.filter((item) => SUCCEEDED.has(item.status) && item.session && item.event);
  const event = items.find((item) => item.event)?.event;
  if (!event) return null;
  if (succeeded.length === 0) {
    return { type: 'error', code: 'registration_failed', message: 'The registration did not go through.' };
  }
  return {
    type: 'registered',
    eventId: event.id,
    eventSlug: event.slug,
    sessions: succeeded.map((item) => ({ sessionId: item.session!.id, status: item.status as EmbedRegistrationStatus })),
  };
}

export default async function EmbedConfirmationPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  const [confirmation, viewerTimeZone, query] = await Promise.all([getConfirmation(id), getViewerTimeZone(), searchParams]);
  if (!confirmation) notFound();
  const context = parseEmbedContext(query);
  const { site } = getConfig();
  const locale = context.options.locale ?? site.locale;
  const heading = pageHeading(confirmation.items);
  const outcome = outcomeEvent(confirmation.items);
  const registerHref = (slug: string) => embedHref(EMBED_PATHS.form(slug), context);

  return (
    <EmbedFrame
      options={context.options}
      announce={[{ type: 'ready', kind: 'confirmation', title: heading, path: '/embed/registrations' }, ...(outcome ? [outcome] : [])]}
      onceKey={id}
    >
      <ConfirmationSummary
        items={confirmation.items}
        viewerTimeZone={viewerTimeZone}
        locale={locale}
        siteUrl={site.url}
        registerHref={registerHref}
        compact
      />
    </EmbedFrame>
  );
}
