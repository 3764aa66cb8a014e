/** Domain types the pages see; only lib/livestorm knows the wire format they come from. */

export type SessionStatus =
  | 'upcoming'
  | 'live'
  | 'past'
  | 'past_not_started'
  | 'on_demand'
  | 'canceled'
  | 'draft'
  | 'unknown';

export interface Host {
  name: string;
  avatarUrl: string | null;
}

interface FieldBase {
  id: string;
  order: number;
  required: boolean;
  custom: boolean;
}

/** A registration form field, by the input it needs (Livestorm's type vocabulary varies, §4.2). */
export type RegistrationField = FieldBase &
  (
    | { kind: 'text' }
    | { kind: 'email' }
    | { kind: 'url' }
    | { kind: 'image_url' }
    | { kind: 'single_choice'; options: string[] }
    | { kind: 'multiple_choice'; options: string[] }
    | { kind: 'consent' }
    | { kind: 'unknown'; rawType: string }
  );

export type FieldKind = RegistrationField['kind'];

export interface WebinarEvent {
  id: string;
  slug: string;
  title: string;
  /** Already sanitized: safe to render as HTML. */
  descriptionHtml: string;
  /** Plain text excerpt of the description, for cards and meta descriptions. */
  summary: string;
  durationMinutes: number | null;
  language: string | null;
  host: Host | null;
  published: boolean;
  /** False for events hidden from the company page: reachable by link, never listed. */
  listed: boolean;
  registrationUrl: string | null;
  fields: RegistrationField[];
  /** When the event was published, i.e. registration opened (ISO 8601, UTC). */
  publishedAt: string | null;
  updatedAt: string | null;
}

export interface Session {
  id: string;
  eventId: string;
  name: string | null;
  status: SessionStatus;
  timeZone: string;
  /** Scheduled start (ISO 8601, UTC). */
  startsAt: string;
  startedAt: string | null;
  endedAt: string | null;
  canceledAt: string | null;
  registrantsCount: number;
  /** The session's public room (anyone may open it; never a registrant's personal join link). */
  roomUrl: string | null;
}

/** Everything the public pages need, as fetched in one refresh. */
export interface Catalog {
  events: WebinarEvent[];
  sessions: Session[];
  fetchedAt: string;
}

export interface SessionWithEvent {
  session: Session;
  event: WebinarEvent;
}
