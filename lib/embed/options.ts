import { cleanValue, EMPTY_ATTRIBUTION, UTM_PARAMS } from '@/lib/attribution';
import type { Attribution } from '@/lib/livestorm/types';

/**
 * An embed's options travel in its URL (the loader writes them; a plain iframe can too) and are
 * carried along every link inside the iframe, so a list -> event -> form -> confirmation journey
 * keeps the host's theme, locale and campaign.
 */

export type EmbedTheme = 'light' | 'dark' | 'auto';
export const EMBED_THEMES: readonly EmbedTheme[] = ['light', 'dark', 'auto'];

export interface EmbedOptions {
  theme: EmbedTheme;
  /** `#rrggbb`, or null for the site's own accent. */
  accent: string | null;
  /** BCP 47 locale for dates and times, or null for the site's. */
  locale: string | null;
  /** The loader's id for this iframe, echoed in every message. */
  embedId: string | null;
  /** The host page's origin, where messages are posted (the loader passes it). */
  host: string | null;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = { theme: 'light', accent: null, locale: null, embedId: null, host: null };

/** Query parameter names, shared with public/embed.js. */
export const EMBED_PARAMS = {
  theme: 'theme',
  accent: 'accent',
  locale: 'locale',
  embedId: 'embed_id',
  host: 'host',
  referrer: 'ref',
} as const;

/**
 * Advertising click ids kept on the host page's URL when it becomes the registration's referrer;
 * every other query parameter is dropped (it may carry personal data).
 */
export const CLICK_ID_PARAMS = ['gclid', 'gbraid', 'wbraid', 'dclid', 'fbclid', 'msclkid', 'li_fat_id', 'ttclid', 'twclid', 'yclid'] as const;

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: SearchParams, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return ((Array.isArray(value) ? value[0] : value) ?? '').trim();
}

export function parseAccent(raw: string): string | null {
  const hex = raw.replace(/^#/, '').toLowerCase();
  if (/^[0-9a-f]{6}$/.test(hex)) return `#${hex}`;
  if (/^[0-9a-f]{3}$/.test(hex)) return `#${[...hex].map((digit) => digit + digit).join('')}`;
  return null;
}

export function parseLocale(raw: string): string | null {
  if (raw === '' || raw.length > 35 || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(raw)) return null;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([raw])[0] ?? null;
  } catch {
    return null;
  }
}

export function parseOrigin(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function parseEmbedOptions(params: SearchParams): EmbedOptions {
  const theme = read(params, EMBED_PARAMS.theme) as EmbedTheme;
  const embedId = read(params, EMBED_PARAMS.embedId);
  return {
    theme: EMBED_THEMES.includes(theme) ? theme : DEFAULT_EMBED_OPTIONS.theme,
    accent: parseAccent(read(params, EMBED_PARAMS.accent)),
    locale: parseLocale(read(params, EMBED_PARAMS.locale)),
    embedId: /^[A-Za-z0-9_-]{1,64}$/.test(embedId) ? embedId : null,
    host: parseOrigin(read(params, EMBED_PARAMS.host)),
  };
}

/** The host page as a referrer: origin and path, plus only the advertising click ids of its query. */
export function embedReferrer(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const kept = new URLSearchParams();
  for (const name of CLICK_ID_PARAMS) {
    const value = cleanValue(url.searchParams.get(name));
    if (value) kept.set(name, value.slice(0, 200));
  }
  const query = kept.toString();
  return cleanValue(`${url.origin}${url.pathname === '/' ? '' : url.pathname}${query ? `?${query}` : ''}`);
}

/** The host page's campaign, as the loader forwards it (`utm_*` and `ref`). */
export function parseEmbedAttribution(params: SearchParams): Attribution {
  const result: Attribution = { ...EMPTY_ATTRIBUTION, referrer: embedReferrer(read(params, EMBED_PARAMS.referrer)) };
  for (const [key, name] of Object.entries(UTM_PARAMS) as Array<[keyof typeof UTM_PARAMS, string]>) {
    result[key] = cleanValue(read(params, name));
  }
  return result;
}

export interface EmbedContext {
  options: EmbedOptions;
  attribution: Attribution;
}

export function parseEmbedContext(params: SearchParams): EmbedContext {
  return { options: parseEmbedOptions(params), attribution: parseEmbedAttribution(params) };
}

/** The context as query parameters, defaults left out; parse(serialize(x)) equals x. */
export function embedContextParams({ options, attribution }: EmbedContext): URLSearchParams {
  const params = new URLSearchParams();
  if (options.theme !== DEFAULT_EMBED_OPTIONS.theme) params.set(EMBED_PARAMS.theme, options.theme);
  if (options.accent) params.set(EMBED_PARAMS.accent, options.accent.slice(1));
  if (options.locale) params.set(EMBED_PARAMS.locale, options.locale);
  if (options.embedId) params.set(EMBED_PARAMS.embedId, options.embedId);
  if (options.host) params.set(EMBED_PARAMS.host, options.host);
  for (const [key, name] of Object.entries(UTM_PARAMS) as Array<[keyof typeof UTM_PARAMS, string]>) {
    const value = attribution[key];
    if (value) params.set(name, value);
  }
  if (attribution.referrer) params.set(EMBED_PARAMS.referrer, attribution.referrer);
  return params;
}

/** A link inside the embed: `path` with the page's own parameters, then the context's. */
export function embedHref(path: string, context: EmbedContext, own: Record<string, string | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(own)) if (value) params.set(name, value);
  for (const [name, value] of embedContextParams(context)) params.set(name, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export const EMBED_PATHS = {
  list: '/embed/events',
  event: (slug: string) => `/embed/events/${encodeURIComponent(slug)}`,
  form: (slug: string) => `/embed/events/${encodeURIComponent(slug)}/register`,
  confirmation: (submissionId: string) => `/embed/registrations/${submissionId}`,
} as const;

/** Hidden input of a form inside an embed: the action sends the visitor on to the embed's confirmation. */
export const EMBED_CONTEXT_FIELD = 'embed';
