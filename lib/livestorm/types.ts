/**
 * The domain types Livestorm's data becomes, and what a registration is in our terms. Client-safe
 * (types only): pages, components and the browser import them from here; only the mappers in this
 * folder know the wire format they come from (docs/livestorm-api.md §4).
 */

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

/** A registration form field, by the input it needs (Livestorm's type vocabulary varies, docs/livestorm-api.md §4.2). */
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

// -------------------------------------------------------------------------------------------
// Registration: what the site sends, and Livestorm's final answers (lib/livestorm/registration.ts
// maps them onto the wire body, docs/livestorm-api.md §5).

export type AnswerValue = string | string[] | boolean | null;

export interface Answer {
  /** The event field id (a People Attribute slug such as `email` or `company`). */
  id: string;
  value: AnswerValue;
}

/** Where the visitor came from on their landing visit, sent with the registration. */
export interface Attribution {
  referrer: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
}

/** One registration of one person to one session, ready to send. */
export interface RegistrationRequest {
  sessionId: string;
  /** Lower-cased; also the key of the "already registered" lookup. */
  email: string;
  answers: Answer[];
  attribution: Attribution;
}

/** Livestorm's final answer to one registration (transient failures are thrown instead). */
export type RegistrationOutcome =
  | { kind: 'registered'; joinLink: string | null }
  | { kind: 'already_registered' }
  | { kind: 'closed'; detail: string | null }
  | { kind: 'rejected'; detail: string | null };

/** A bulk registration job as Livestorm reports it (docs/livestorm-api.md §14.1); counters may be unknown. */
export interface BulkJob {
  id: string;
  state: 'processing' | 'ended' | 'failed';
  total: number | null;
  processed: number | null;
  succeeded: number | null;
  failed: number | null;
}

/** How one person of a bulk job went. */
export interface BulkTaskResult {
  taskId: string;
  /** Position in the job as submitted. */
  position: number;
  email: string | null;
  outcome: 'registered' | 'already_registered' | 'closed' | 'rejected' | 'pending';
  /** Livestorm's reason for a closed or rejected task. */
  detail: string | null;
}

/** A workspace People Attribute's human label: event fields carry only the slug (docs/livestorm-api.md §4.2). */
export interface FieldLabel {
  slug: string;
  name: string;
  placeholder: string | null;
}

// Operational views the status page and the operators' CLIs read (types only).
export type { QuotaSnapshot } from './client';
export type { CallCounts } from './call-counter';
export type { TokenCheck, TokenCheckResult } from './ping';
export type { LivestormWebhook, WebhookEvent, WebhookSubscription } from './webhooks';
