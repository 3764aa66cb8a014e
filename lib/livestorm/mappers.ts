import { isTimeZone } from '@/lib/time';
import { plainTextExcerpt, sanitizeDescription } from '@/lib/sanitize';
import type { RegistrationField, Session, SessionStatus, WebinarEvent } from './types';
import type { WireEvent, WireField, WireSession } from './schema';

/** Pure mappers from Livestorm's wire resources to our domain types. */

export function fromUnixSeconds(seconds: number): string | null {
  return seconds > 0 ? new Date(seconds * 1000).toISOString() : null;
}

const SESSION_STATUSES: readonly SessionStatus[] = [
  'upcoming', 'live', 'past', 'past_not_started', 'on_demand', 'canceled', 'draft',
];

function toSessionStatus(raw: string): SessionStatus {
  const normalized = raw === 'cancelled' ? 'canceled' : raw;
  return (SESSION_STATUSES as readonly string[]).includes(normalized) ? (normalized as SessionStatus) : 'unknown';
}

/** Links from Livestorm end up in `href`s: anything but http(s) is dropped. */
export function httpLinkOrNull(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const { protocol } = new URL(raw);
    return protocol === 'https:' || protocol === 'http:' ? raw : null;
  } catch {
    return null;
  }
}

export function toSession(wire: WireSession): Session {
  const a = wire.attributes;
  const zone = a.timezone && isTimeZone(a.timezone) ? a.timezone : 'UTC';
  return {
    id: wire.id,
    eventId: a.event_id,
    name: a.name?.trim() || null,
    status: toSessionStatus(a.status),
    timeZone: zone,
    startsAt: new Date(a.estimated_started_at * 1000).toISOString(),
    startedAt: fromUnixSeconds(a.started_at),
    endedAt: fromUnixSeconds(a.ended_at),
    canceledAt: fromUnixSeconds(a.canceled_at),
    registrantsCount: a.registrants_count,
    roomUrl: httpLinkOrNull(a.room_link),
  };
}

function optionValues(options: WireField['options']): string[] {
  if (!options) return [];
  const items = Array.isArray(options) ? options : options.items;
  const values = items.map((item) => (typeof item === 'string' ? item : item.value).trim()).filter(Boolean);
  return [...new Set(values)];
}

function allowsMany(options: WireField['options']): boolean {
  return !!options && !Array.isArray(options) && options.multiple_answers === true;
}

/** Maps the several type vocabularies seen in the wild (docs/livestorm-api.md §4.2) onto the inputs we render. */
export function toRegistrationField(wire: WireField, index: number): RegistrationField {
  const base = {
    id: wire.id,
    order: wire.order ?? index,
    required: wire.required === true,
    custom: wire.custom === true,
  };
  const type = wire.type.toLowerCase();
  if (wire.id === 'email' || type === 'email') return { ...base, kind: 'email' };
  switch (type) {
    case 'text':
      return { ...base, kind: 'text' };
    case 'url':
      return { ...base, kind: 'url' };
    case 'file':
    case 'avatar':
      return { ...base, kind: 'image_url' };
    case 'consent':
      return { ...base, kind: 'consent' };
    case 'unique_select':
      return { ...base, kind: 'single_choice', options: optionValues(wire.options) };
    case 'multiple_select':
      return { ...base, kind: 'multiple_choice', options: optionValues(wire.options) };
    case 'multiple':
      return allowsMany(wire.options)
        ? { ...base, kind: 'multiple_choice', options: optionValues(wire.options) }
        : { ...base, kind: 'single_choice', options: optionValues(wire.options) };
    default:
      return { ...base, kind: 'unknown', rawType: wire.type };
  }
}

export function toRegistrationFields(fields: WireField[]): RegistrationField[] {
  return fields
    .map((field, index) => toRegistrationField(field, index))
    .sort((a, b) => a.order - b.order);
}

export function toWebinarEvent(wire: WireEvent): WebinarEvent {
  const a = wire.attributes;
  const ownerName = a.owner
    ? [a.owner.attributes.first_name, a.owner.attributes.last_name].filter(Boolean).join(' ').trim()
    : '';
  return {
    id: wire.id,
    slug: a.slug,
    title: a.title.trim() || 'Untitled webinar',
    descriptionHtml: sanitizeDescription(a.description),
    summary: plainTextExcerpt(a.description),
    durationMinutes: a.estimated_duration !== null && a.estimated_duration > 0 ? a.estimated_duration : null,
    language: a.language?.trim().toLowerCase() || null,
    host: ownerName ? { name: ownerName, avatarUrl: a.owner?.attributes.avatar_link ?? null } : null,
    published: a.status === 'published',
    listed: a.show_in_company_page !== false,
    registrationUrl: a.registration_link,
    fields: toRegistrationFields(a.fields),
    publishedAt: fromUnixSeconds(a.published_at),
    updatedAt: fromUnixSeconds(a.updated_at),
  };
}
