import type { LivestormClient } from './client';
import { LivestormError } from './errors';
import { httpLinkOrNull } from './mappers';
import {
  eventStatusDocument,
  peopleAttributeResource,
  registeredPersonDocument,
  sessionPersonList,
  sessionStatusDocument,
} from './schema';
import type { AnswerValue, Attribution, FieldLabel, RegistrationOutcome, RegistrationRequest } from './types';

/**
 * The wire side of registration (docs/livestorm-api.md §5): pure, takes a client, so unit
 * tests drive it against the sandbox. Final answers come back as values; transient failures
 * (rate limit, outage, quota, auth, unreadable response) are thrown as they are so the caller's
 * outbox can try again later.
 */

export type WireFieldValue = string | string[];

type TrackingKey = 'referrer' | 'utm_source' | 'utm_medium' | 'utm_term' | 'utm_content' | 'utm_campaign';

export interface RegistrationBody {
  data: {
    type: 'people';
    attributes: { fields: Array<{ id: string; value: WireFieldValue }> } & Partial<Record<TrackingKey, string>>;
  };
}

const TRACKING: ReadonlyArray<readonly [TrackingKey, keyof Attribution]> = [
  ['referrer', 'referrer'],
  ['utm_source', 'utmSource'],
  ['utm_medium', 'utmMedium'],
  ['utm_term', 'utmTerm'],
  ['utm_content', 'utmContent'],
  ['utm_campaign', 'utmCampaign'],
];

/**
 * Empty answers (optional fields left blank) are not sent. Consent goes as the strings
 * "true"/"false": every source types `fields[].value` as a string or an array of strings (the
 * docs, example C, and the values echoed in `registrant_detail.fields`), and no source shows a
 * JSON boolean, so a string is the form the real API is known to accept.
 */
function toWireValue(value: AnswerValue): WireFieldValue | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return value.length === 0 ? null : value;
}

/** `POST /sessions/{id}/people` body: `fields` as `[{id, value}]` in the given order, tracking beside it. */
export function toRegistrationBody(request: RegistrationRequest): RegistrationBody {
  const fields: RegistrationBody['data']['attributes']['fields'] = [];
  const sent = new Set<string>();
  for (const answer of request.answers) {
    // One entry per id: Livestorm refuses a field sent twice.
    if (sent.has(answer.id)) continue;
    const value = answer.id === 'email' ? request.email : toWireValue(answer.value);
    if (value === null) continue;
    sent.add(answer.id);
    fields.push({ id: answer.id, value });
  }
  if (!sent.has('email')) fields.unshift({ id: 'email', value: request.email });

  const attributes: RegistrationBody['data']['attributes'] = { fields };
  for (const [wireKey, key] of TRACKING) {
    const value = request.attribution[key];
    if (value !== null && value.trim() !== '') attributes[wireKey] = value;
  }
  return { data: { type: 'people', attributes } };
}

const peoplePath = (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}/people`;

/**
 * Whether `email` is registered to the session, via the exact-match `filter[email]` (§2). A
 * returned person must carry that email (guards against a filter the API ignores); a person
 * without an email attribute is trusted to be the filter's match. Unknown session → false.
 */
export async function isAlreadyRegistered(client: LivestormClient, sessionId: string, email: string): Promise<boolean> {
  const wanted = email.trim().toLowerCase();
  if (wanted === '') return false;
  try {
    const document = await client.request(peoplePath(sessionId), {
      schema: sessionPersonList,
      query: { 'filter[email]': wanted },
    });
    return document.data.some(({ attributes }) => attributes.email === null || attributes.email.toLowerCase() === wanted);
  } catch (error) {
    if (error instanceof LivestormError && error.kind === 'not_found') return false;
    throw error;
  }
}

/** Upstream details can quote what was sent: drop addresses and links before they reach any log. */
export function redactDetail(detail: string | null): string | null {
  if (!detail) return null;
  const text = detail
    .replace(/https?:\/\/\S+/gi, '[link]')
    .replace(/[^\s"'<>()[\],;:]+(?:@|%40)[^\s"'<>()[\],;:]+/gi, '[email]')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text.slice(0, 300);
}

const notFound = (error: unknown) => error instanceof LivestormError && error.kind === 'not_found';

/**
 * Why the session takes no registrations, or null when it does. Asked from the session's (and its
 * event's) status rather than read from the 422's wording, which is undocumented (§6: branch on
 * status codes, never on `detail`/`code`); it costs calls only on the rare 422 path.
 */
async function closedReason(client: LivestormClient, sessionId: string): Promise<string | null> {
  let session;
  try {
    session = await client.request(`/sessions/${encodeURIComponent(sessionId)}`, { schema: sessionStatusDocument });
  } catch (error) {
    if (notFound(error)) return 'session not found';
    throw error;
  }
  const { status, event_id: eventId } = session.data.attributes;
  if (status !== 'upcoming') return `session status: ${status}`;
  if (eventId === null) return null;
  try {
    const event = await client.request(`/events/${encodeURIComponent(eventId)}`, { schema: eventStatusDocument });
    const eventStatus = event.data.attributes.status;
    return eventStatus !== null && eventStatus !== 'published' ? `event status: ${eventStatus}` : null;
  } catch (error) {
    if (notFound(error)) return 'event not found';
    throw error;
  }
}

/**
 * Registers one person. 409 is "already registered" by definition (current docs), so it needs no
 * lookup. 422 is ambiguous (older API: already registered; otherwise a business rule such as a
 * session no longer upcoming, or a refused value), so it is resolved by asking: the email lookup
 * first, then the session's status. The existing registrant's join link is never returned: anyone
 * can type someone else's email, and Livestorm has already mailed the link to its owner.
 */
export async function registerPerson(client: LivestormClient, request: RegistrationRequest): Promise<RegistrationOutcome> {
  let document;
  try {
    document = await client.request(peoplePath(request.sessionId), {
      method: 'POST',
      schema: registeredPersonDocument,
      body: toRegistrationBody(request),
    });
  } catch (error) {
    if (!(error instanceof LivestormError)) throw error;
    switch (error.kind) {
      case 'conflict':
        return { kind: 'already_registered' };
      case 'not_found':
        return { kind: 'closed', detail: redactDetail(error.detail) ?? 'session not found' };
      case 'bad_request':
        return { kind: 'rejected', detail: redactDetail(error.detail) };
      case 'unprocessable': {
        if (await isAlreadyRegistered(client, request.sessionId, request.email)) return { kind: 'already_registered' };
        const reason = await closedReason(client, request.sessionId);
        const detail = redactDetail(error.detail);
        return reason === null ? { kind: 'rejected', detail } : { kind: 'closed', detail: detail ?? reason };
      }
      default:
        throw error;
    }
  }
  return { kind: 'registered', joinLink: httpLinkOrNull(document.data.attributes.registrant_detail?.connection_link) };
}

/** Names of the workspace's People Attributes, for fields whose event definition has only a slug. */
export async function fetchFieldLabels(client: LivestormClient): Promise<FieldLabel[]> {
  const records = await client.paginate('/people_attributes', { item: peopleAttributeResource });
  const labels = new Map<string, FieldLabel>();
  for (const { attributes } of records) {
    const name = attributes.name?.trim();
    if (!name || labels.has(attributes.slug)) continue;
    labels.set(attributes.slug, { slug: attributes.slug, name, placeholder: attributes.placeholder?.trim() || null });
  }
  return [...labels.values()];
}
