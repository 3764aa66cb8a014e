import type { Attribution } from '@/lib/livestorm/types';

/**
 * Marketing attribution of the landing visit: `utm_*` parameters and the external referrer. The
 * proxy keeps them in a first-party cookie; the form also carries them as hidden inputs, because
 * inside a third-party iframe (embeds) that cookie is not sent. Pure and client-safe: the proxy,
 * the registration action and the embeds share it.
 */

export const EMPTY_ATTRIBUTION: Attribution = {
  referrer: null,
  utmSource: null,
  utmMedium: null,
  utmCampaign: null,
  utmTerm: null,
  utmContent: null,
};

export const ATTRIBUTION_COOKIE = 'attribution';
/** Set by the proxy on the request it forwards (never trusted from the client). */
export const ATTRIBUTION_HEADER = 'x-landing-attribution';
export const ATTRIBUTION_MAX_AGE_SECONDS = 30 * 86_400;
const MAX_LENGTH = 255;

export const UTM_PARAMS = {
  utmSource: 'utm_source',
  utmMedium: 'utm_medium',
  utmCampaign: 'utm_campaign',
  utmTerm: 'utm_term',
  utmContent: 'utm_content',
} as const satisfies Record<Exclude<keyof Attribution, 'referrer'>, string>;

type UtmKey = keyof typeof UTM_PARAMS;
const UTM_KEYS = Object.keys(UTM_PARAMS) as UtmKey[];

/** Printable text only, trimmed and capped: these values travel to Livestorm and into HTML. */
export function cleanValue(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_LENGTH);
  return text === '' ? null : text;
}

/** A referrer from another site, reduced to origin and path (its query may carry personal data). */
export function externalReferrer(raw: string | null | undefined, ownHosts: ReadonlyArray<string | null>): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (ownHosts.some((host) => host !== null && host.toLowerCase() === url.host.toLowerCase())) return null;
    return cleanValue(`${url.origin}${url.pathname === '/' ? '' : url.pathname}`);
  } catch {
    return null;
  }
}

export function hasAttribution(attribution: Attribution): boolean {
  return Object.values(attribution).some((value) => value !== null);
}

export function attributionFromUrl(params: URLSearchParams, referrer: string | null): Attribution {
  const result: Attribution = { ...EMPTY_ATTRIBUTION, referrer };
  for (const key of UTM_KEYS) result[key] = cleanValue(params.get(UTM_PARAMS[key]));
  return result;
}

/**
 * The landing visit wins until a new campaign arrives: a request with `utm_*` replaces what was
 * kept; a plain external referral only fills an empty slate.
 */
export function nextAttribution(current: Attribution | null, landing: Attribution): Attribution | null {
  const hasUtm = UTM_KEYS.some((key) => landing[key] !== null);
  // The same campaign URL again (a reload, a refresh, an internal link) is not a new landing.
  if (hasUtm && current && UTM_KEYS.every((key) => current[key] === landing[key])) return null;
  if (hasUtm) return landing;
  if (!current && landing.referrer) return landing;
  return null;
}

export function encodeAttribution(attribution: Attribution): string {
  return Buffer.from(JSON.stringify(attribution), 'utf8').toString('base64url');
}

export function decodeAttribution(raw: string | null | undefined): Attribution | null {
  if (!raw || raw.length > 4096) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const record = parsed as Record<string, unknown>;
    const result: Attribution = { ...EMPTY_ATTRIBUTION, referrer: cleanValue(record.referrer) };
    for (const key of UTM_KEYS) result[key] = cleanValue(record[key]);
    return hasAttribution(result) ? result : null;
  } catch {
    return null;
  }
}

/** Hidden form inputs: `attribution.referrer`, `attribution.utm_source`, ... */
export function attributionInputs(attribution: Attribution | null): Array<{ name: string; value: string }> {
  if (!attribution) return [];
  const inputs: Array<{ name: string; value: string }> = [];
  if (attribution.referrer) inputs.push({ name: 'attribution.referrer', value: attribution.referrer });
  for (const key of UTM_KEYS) {
    const value = attribution[key];
    if (value) inputs.push({ name: `attribution.${UTM_PARAMS[key]}`, value });
  }
  return inputs;
}

export function readAttributionForm(formData: Pick<FormData, 'get'>): Attribution {
  const result: Attribution = { ...EMPTY_ATTRIBUTION, referrer: cleanValue(formData.get('attribution.referrer')) };
  for (const key of UTM_KEYS) result[key] = cleanValue(formData.get(`attribution.${UTM_PARAMS[key]}`));
  return result;
}
