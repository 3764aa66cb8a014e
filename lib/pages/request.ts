import 'server-only';
import { cookies, headers } from 'next/headers';
import { ATTRIBUTION_HEADER, decodeAttribution } from '@/lib/attribution';
import type { Attribution } from '@/lib/livestorm/types';
import { isTimeZone, TIME_ZONE_COOKIE } from '@/lib/time';

/** What every page loader reads from the request besides the catalog. */

/** The visitor's zone once their browser has told us (components/time-zone-sync.tsx sets the cookie), else null. */
export async function getViewerTimeZone(): Promise<string | null> {
  const raw = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  if (!raw) return null;
  let zone: string;
  try {
    zone = decodeURIComponent(raw).slice(0, 64);
  } catch {
    return null;
  }
  return isTimeZone(zone) ? zone : null;
}

export type SearchParams = Record<string, string | string[] | undefined>;

/** A slug from the URL as it was typed; null when its percent-encoding is broken (a 404, not a crash). */
export function decodeSlug(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The landing visit's attribution, as the proxy worked it out for this request. */
export async function getLandingAttribution(): Promise<Attribution | null> {
  return decodeAttribution((await headers()).get(ATTRIBUTION_HEADER));
}
