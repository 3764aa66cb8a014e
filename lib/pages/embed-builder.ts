import 'server-only';
import { getConfig } from '@/lib/config';
import { embedPagePath, embedTitle, iframeSnippet, parseEmbedWidget, scriptSnippet } from '@/lib/embed/snippets';
import { isVisibleEvent, languagesOf } from '@/lib/events/select';
import { getCatalog, getUpcomingListing } from '@/lib/events/server/catalog';
import { languageName } from '@/lib/languages';
import type { SearchParams } from './request';

/** `/embed-builder`: the marketer's choices from the URL, the snippets they give, and the preview. */
export async function loadEmbedBuilder(params: SearchParams) {
  const [catalog, upcoming] = await Promise.all([getCatalog(), getUpcomingListing()]);
  const { site } = getConfig();
  const events = catalog.events
    .filter(isVisibleEvent)
    .map(({ slug, title, listed }) => ({ slug, title, listed }))
    .sort((a, b) => a.title.localeCompare(b.title, site.locale));
  const languages = languagesOf(upcoming).map((code) => ({ code, name: languageName(code, site.locale) }));
  const { widget, problems } = parseEmbedWidget(params, events);
  const title = embedTitle(widget.kind, events.find((event) => event.slug === widget.event)?.title ?? null);
  return {
    widget,
    problems,
    events,
    languages,
    title,
    // The preview posts its messages to this page, as an embed does to its host.
    previewSrc: embedPagePath(widget, { embedId: 'builder-preview', host: new URL(site.url).origin }),
    script: scriptSnippet(site.url, widget),
    iframe: iframeSnippet(site.url, widget, title),
  };
}
