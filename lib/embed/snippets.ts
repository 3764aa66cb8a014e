import { EMPTY_ATTRIBUTION } from '@/lib/attribution';
import { parseListingFilters } from '@/lib/events/select';
import { DEFAULT_EMBED_OPTIONS, EMBED_PATHS, embedHref, parseEmbedOptions, type EmbedOptions } from './options';

/**
 * What marketers paste on their own sites: the loader snippet (`public/embed.js` reads the same
 * data-* options) or a plain iframe. Pure, so the builder page renders it on the server and tests
 * can pin it down.
 */

/** What the loader can embed; the confirmation page is only reached from a form. */
export type EmbedWidgetKind = 'list' | 'event' | 'form';
export const EMBED_WIDGET_KINDS: readonly EmbedWidgetKind[] = ['list', 'event', 'form'];

export interface EmbedWidget {
  kind: EmbedWidgetKind;
  /** Slug of the event shown by `event` and `form` (kept for `list` so switching back keeps it). */
  event: string | null;
  /** Listing filters of a `list`. */
  q: string;
  lang: string | null;
  options: Pick<EmbedOptions, 'theme' | 'accent' | 'locale'>;
}

/** The site's own accent (`--accent` in app/globals.css): choosing it means "no accent option". */
export const SITE_ACCENT = '#4338ca';

/** Height of a plain iframe, which cannot follow its content (the loader's iframes do). */
export const IFRAME_HEIGHTS: Record<EmbedWidgetKind, number> = { list: 900, event: 900, form: 1100 };

type SearchParams = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string {
  return ((Array.isArray(value) ? value[0] : value) ?? '').trim();
}

/** The builder's state from its URL; what cannot be used is dropped and explained in `problems`. */
export function parseEmbedWidget(
  params: SearchParams,
  events: ReadonlyArray<{ slug: string }>,
): { widget: EmbedWidget; problems: string[] } {
  const problems: string[] = [];
  const rawKind = single(params.kind) as EmbedWidgetKind;
  const kind = EMBED_WIDGET_KINDS.includes(rawKind) ? rawKind : 'list';

  const rawEvent = single(params.event);
  const known = events.some((event) => event.slug === rawEvent);
  const event = known ? rawEvent : (events[0]?.slug ?? null);
  if (kind !== 'list' && rawEvent && !known) {
    problems.push(`The event "${rawEvent.slice(0, 60)}" is not published, so another one is shown.`);
  }

  // Only q and lang: dates and pages are no builder options.
  const listing = parseListingFilters({ q: params.q, lang: params.lang });
  problems.push(...listing.problems);

  const { theme, accent, locale } = parseEmbedOptions(params);
  if (single(params.accent) && !accent) problems.push('The accent colour was not a colour such as #e11d48, so it was ignored.');
  if (single(params.locale) && !locale) {
    problems.push(`"${single(params.locale).slice(0, 35)}" is not a locale such as fr-FR, so the site's own is used.`);
  }

  return {
    widget: {
      kind,
      event,
      q: listing.filters.q,
      lang: listing.filters.lang,
      options: { theme, accent: accent === SITE_ACCENT ? null : accent, locale },
    },
    problems,
  };
}

/** A name for the iframe (assistive technology announces it); the embed's `ready` message refines it. */
export function embedTitle(kind: EmbedWidgetKind, eventTitle: string | null): string {
  if (kind === 'list') return 'Upcoming webinars';
  if (!eventTitle) return kind === 'form' ? 'Webinar registration' : 'Webinar';
  return kind === 'form' ? `Register for ${eventTitle}` : eventTitle;
}

/**
 * The embed page's path and query (relative to the site), or null when an event is needed and
 * none is chosen. `context` adds what a loader adds (its iframe id, the host page's origin).
 */
export function embedPagePath(widget: EmbedWidget, context: Pick<EmbedOptions, 'embedId' | 'host'> | null = null): string | null {
  const own = widget.kind === 'list' ? { q: widget.q, lang: widget.lang } : {};
  const path = widget.kind === 'list' ? EMBED_PATHS.list : widget.event ? EMBED_PATHS[widget.kind](widget.event) : null;
  if (!path) return null;
  const options: EmbedOptions = { ...DEFAULT_EMBED_OPTIONS, ...widget.options, ...context };
  return embedHref(path, { options, attribution: EMPTY_ATTRIBUTION }, own);
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The loader snippet: a container with data-* options, then the script (once per page is enough). */
export function scriptSnippet(siteUrl: string, widget: EmbedWidget): string | null {
  if (widget.kind !== 'list' && !widget.event) return null;
  const { theme, accent, locale } = widget.options;
  const attributes: Array<[string, string | null]> = [
    ['data-livestorm-events', widget.kind],
    ['data-event', widget.kind === 'list' ? null : widget.event],
    ['data-q', widget.kind === 'list' ? widget.q : null],
    ['data-lang', widget.kind === 'list' ? widget.lang : null],
    ['data-theme', theme === DEFAULT_EMBED_OPTIONS.theme ? null : theme],
    ['data-accent', accent],
    ['data-locale', locale],
  ];
  const container = attributes
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
    .join(' ');
  return `<div ${container}></div>\n<script src="${escapeAttribute(`${siteUrl}/embed.js`)}" async></script>`;
}

/** A plain iframe, for hosts that allow no scripts: fixed height, no messages. */
export function iframeSnippet(siteUrl: string, widget: EmbedWidget, title: string): string | null {
  const path = embedPagePath(widget);
  if (!path) return null;
  return (
    `<iframe src="${escapeAttribute(`${siteUrl}${path}`)}" title="${escapeAttribute(title)}" loading="lazy"\n` +
    `  style="width:100%;height:${IFRAME_HEIGHTS[widget.kind]}px;border:0;display:block"></iframe>`
  );
}
