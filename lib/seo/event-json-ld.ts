/**
 * schema.org `Event` structured data for an event page, as Google's event guidelines ask: one
 * `Event` per session (one per date), online, free, with local times that carry their offset.
 * Pure: the page passes the catalog's data and the request's clock.
 */
import { sessionTitle } from '@/lib/calendar/session-calendar';
import { isRegistrableSession } from '@/lib/events/select';
import type { Session, WebinarEvent } from '@/lib/livestorm/types';
import { absoluteUrl, eventPath } from '@/lib/events/urls';
import { isoWithOffset, isTimeZone } from '@/lib/time';

const SCHEMA = 'https://schema.org';

export interface EventJsonLd {
  '@context': typeof SCHEMA;
  '@type': 'Event';
  '@id': string;
  name: string;
  description?: string;
  url: string;
  image: string[];
  startDate: string;
  endDate?: string;
  eventStatus: `${typeof SCHEMA}/EventScheduled` | `${typeof SCHEMA}/EventCancelled`;
  eventAttendanceMode: `${typeof SCHEMA}/OnlineEventAttendanceMode`;
  location: { '@type': 'VirtualLocation'; url: string };
  organizer: { '@type': 'Organization'; name: string; url: string };
  performer?: { '@type': 'Person'; name: string };
  inLanguage?: string;
  offers?: {
    '@type': 'Offer';
    price: 0;
    priceCurrency: string;
    availability: `${typeof SCHEMA}/InStock`;
    url: string;
    validFrom?: string;
  };
}

export interface EventJsonLdInput {
  event: WebinarEvent;
  /** The sessions to describe: open ones and cancelled ones still ahead. */
  sessions: readonly Session[];
  site: { url: string; name: string };
  imageUrl: string;
  now: number;
  /** Webinars are free; Google still wants a currency with a price of 0. */
  currency?: string;
}

export function buildEventJsonLd({ event, sessions, site, imageUrl, now, currency = 'USD' }: EventJsonLdInput): EventJsonLd[] {
  const pageUrl = absoluteUrl(site.url, eventPath(event.slug));
  return [...sessions]
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id))
    .map((session) => {
      // The mapper already falls back to UTC for an unknown zone; this keeps the builder total.
      const zone = isTimeZone(session.timeZone) ? session.timeZone : 'UTC';
      const start = Date.parse(session.startsAt);
      const canceled = session.status === 'canceled';
      return {
        '@context': SCHEMA,
        '@type': 'Event',
        '@id': `${pageUrl}#session-${encodeURIComponent(session.id)}`,
        name: sessionTitle({ event, session }),
        ...(event.summary ? { description: event.summary } : {}),
        url: pageUrl,
        image: [imageUrl],
        startDate: isoWithOffset(new Date(start), zone),
        // No duration from Livestorm: leave the end out rather than state a guessed one.
        ...(event.durationMinutes ? { endDate: isoWithOffset(new Date(start + event.durationMinutes * 60_000), zone) } : {}),
        eventStatus: canceled ? `${SCHEMA}/EventCancelled` : `${SCHEMA}/EventScheduled`,
        eventAttendanceMode: `${SCHEMA}/OnlineEventAttendanceMode`,
        location: { '@type': 'VirtualLocation', url: pageUrl },
        organizer: { '@type': 'Organization', name: site.name, url: site.url },
        ...(event.host ? { performer: { '@type': 'Person', name: event.host.name } } : {}),
        ...(event.language ? { inLanguage: event.language } : {}),
        // A seat is on offer only while registration is open (not once live, never when cancelled).
        ...(isRegistrableSession(session, now)
          ? {
              offers: {
                '@type': 'Offer',
                price: 0,
                priceCurrency: currency,
                availability: `${SCHEMA}/InStock`,
                url: pageUrl,
                ...(event.publishedAt ? { validFrom: isoWithOffset(event.publishedAt, zone) } : {}),
              },
            }
          : {}),
      } satisfies EventJsonLd;
    });
}
