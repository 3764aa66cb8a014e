import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbedFrame } from '@/components/embed/embed-frame';
import { ConfirmationSummary, pageHeading } from '@/components/registration/confirmation-view';
import { EMBED_PATHS, embedHref } from '@/lib/embed/options';
import { loadEmbedConfirmationPage } from '@/lib/pages/confirmation';
import type { SearchParams } from '@/lib/pages/request';

export const metadata: Metadata = {
  title: 'Your registration',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

export default async function EmbedConfirmationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const page = await loadEmbedConfirmationPage(id, await searchParams);
  if (!page) notFound();
  const { context } = page;
  const heading = pageHeading(page.items);
  const registerHref = (slug: string) => embedHref(EMBED_PATHS.form(slug), context);

  return (
    <EmbedFrame
      options={context.options}
      announce={[{ type: 'ready', kind: 'confirmation', title: heading, path: '/embed/registrations' }, ...(page.outcome ? [page.outcome] : [])]}
      onceKey={id}
    >
      <ConfirmationSummary
        items={page.items}
        viewerTimeZone={page.viewerTimeZone}
        locale={page.locale}
        siteUrl={page.siteUrl}
        registerHref={registerHref}
        compact
      />
    </EmbedFrame>
  );
}
