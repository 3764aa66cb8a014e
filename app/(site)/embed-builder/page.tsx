import type { Metadata } from 'next';
import { EmbedBuilderForm } from '@/components/embed-builder/builder-form';
import { EmbedPreview } from '@/components/embed-builder/embed-preview';
import { SnippetBlock } from '@/components/embed-builder/snippet-block';
import { ProblemsNotice } from '@/components/problems-notice';
import { SITE_ACCENT } from '@/lib/embed/snippets';
import { loadEmbedBuilder } from '@/lib/pages/embed-builder';
import type { SearchParams } from '@/lib/pages/request';

export const metadata: Metadata = {
  title: 'Embed builder',
  description: 'Put your upcoming webinars, an event page or a registration form on your own site: choose, preview, copy the code.',
  alternates: { canonical: '/embed-builder' },
  // A tool for the marketing team, not a page for search results.
  robots: { index: false, follow: false },
};

export default async function EmbedBuilderPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { widget, problems, events, languages, title, previewSrc, script, iframe } = await loadEmbedBuilder(await searchParams);

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Embed webinars on your site</h1>
        <p className="max-w-3xl text-lg text-slate-600">
          Choose what to show and how it looks, check the preview, then paste the code into your page. Embeds appear only on sites
          your administrator has allowed.
        </p>
      </div>

      <ProblemsNotice problems={problems} />

      <div className="grid gap-8 lg:grid-cols-[20rem_minmax(0,1fr)] lg:items-start">
        <EmbedBuilderForm widget={widget} events={events} languages={languages} siteAccent={SITE_ACCENT} />

        <div className="flex min-w-0 flex-col gap-8">
          <section aria-labelledby="code-heading" className="flex flex-col gap-4">
            <h2 id="code-heading" className="text-xl font-semibold text-slate-900">
              Code to paste
            </h2>
            {script && iframe ? (
              <>
                <SnippetBlock
                  id="script-snippet"
                  label="Script snippet"
                  description="Recommended: sizes itself to its content and tells your page about registrations. Paste it where the embed should appear; the script line is needed once per page."
                  code={script}
                />
                <SnippetBlock
                  id="iframe-snippet"
                  label="Plain iframe"
                  description="For pages that allow no scripts: a fixed height, with a scroll bar when the content is taller."
                  code={iframe}
                />
              </>
            ) : (
              <p className="rounded-xl border border-dashed border-slate-300 bg-surface px-6 py-8 text-center text-slate-600">
                There is no published event to embed yet.
              </p>
            )}
          </section>

          <section aria-labelledby="preview-heading" className="flex flex-col gap-3">
            <h2 id="preview-heading" className="text-xl font-semibold text-slate-900">
              Preview
            </h2>
            <p className="text-sm text-slate-600">The preview is live: a registration sent from it is a real registration.</p>
            {previewSrc ? <EmbedPreview src={previewSrc} title={title} theme={widget.options.theme} /> : null}
          </section>
        </div>
      </div>
    </div>
  );
}
