import { z } from 'zod';

// Persisted shapes: the records of state.json, which are also what responses are rendered from.
// The state is validated with these schemas on load, so a hand-edited or stale state.json can never
// feed malformed data into responses. A new kind of record gets its schema here and an array in
// SandboxStateSchema with `.default([])`, so state files written before it still load (as
// `webhooks` did): STATE_VERSION only changes for a change old files cannot be read as.

const unixSeconds = z.number().int().nonnegative();

export const FieldOptionsSchema = z.object({
  items: z.array(z.object({ value: z.string() })),
  multiple_answers: z.boolean(),
});

export const EventFieldSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  order: z.number().int().nonnegative(),
  required: z.boolean(),
  custom: z.boolean().optional(),
  options: FieldOptionsSchema.optional(),
});
export type EventField = z.infer<typeof EventFieldSchema>;

export const OwnerSchema = z.object({
  id: z.string(),
  type: z.literal('people'),
  attributes: z.object({
    role: z.string(),
    created_at: unixSeconds,
    updated_at: unixSeconds,
    timezone: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    email: z.string(),
    avatar_link: z.string().nullable(),
  }),
});
export type Owner = z.infer<typeof OwnerSchema>;

export const EVENT_STATUSES = ['draft', 'published'] as const;

/** Event attributes as stored; `scheduling_status` and `sessions_count` are derived from sessions at render time. */
export const StoredEventAttributesSchema = z.object({
  title: z.string(),
  slug: z.string(),
  registration_link: z.string(),
  estimated_duration: z.number().int().positive(),
  registration_page_enabled: z.boolean(),
  light_registration_page_enabled: z.boolean(),
  everyone_can_speak: z.boolean(),
  description: z.string().nullable(),
  status: z.enum(EVENT_STATUSES),
  recording_enabled: z.boolean(),
  recording_public: z.boolean(),
  show_in_company_page: z.boolean(),
  chat_enabled: z.boolean(),
  polls_enabled: z.boolean(),
  questions_enabled: z.boolean(),
  language: z.string().length(2),
  published_at: unixSeconds,
  created_at: unixSeconds,
  updated_at: unixSeconds,
  owner: OwnerSchema,
  fields: z.array(EventFieldSchema),
});
export type StoredEventAttributes = z.infer<typeof StoredEventAttributesSchema>;

export const EventRecordSchema = z.object({ id: z.string(), attributes: StoredEventAttributesSchema });
export type EventRecord = z.infer<typeof EventRecordSchema>;

export const SCHEDULING_STATUSES = [
  'live',
  'upcoming',
  'on_demand',
  'ended',
  'not_started',
  'draft',
  'cancelled',
  'not_scheduled',
] as const;
export type SchedulingStatus = (typeof SCHEDULING_STATUSES)[number];

export const SESSION_STATUSES = [
  'upcoming',
  'live',
  'on_demand',
  'past',
  'past_not_started',
  'canceled',
  'draft',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SessionAttributesSchema = z.object({
  event_id: z.string(),
  status: z.enum(SESSION_STATUSES),
  timezone: z.string(),
  room_link: z.string(),
  name: z.string().nullable(),
  attendees_count: z.number().int().nonnegative(),
  duration: z.number().int().nonnegative().nullable(),
  estimated_started_at: unixSeconds,
  started_at: unixSeconds,
  ended_at: unixSeconds,
  canceled_at: unixSeconds,
  created_at: unixSeconds,
  updated_at: unixSeconds,
  registrants_count: z.number().int().nonnegative(),
  breakout_room_parent_session_id: z.string().nullable(),
});
export type SessionAttributes = z.infer<typeof SessionAttributesSchema>;

export const SessionRecordSchema = z.object({ id: z.string(), attributes: SessionAttributesSchema });
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

export const FieldValueSchema = z.union([z.string(), z.array(z.string()), z.boolean(), z.null()]);
export type FieldValue = z.infer<typeof FieldValueSchema>;

export const RegistrantFieldSchema = z.object({
  id: z.string(),
  type: z.string(),
  value: FieldValueSchema,
  required: z.boolean(),
  custom: z.boolean().optional(),
});
export type RegistrantField = z.infer<typeof RegistrantFieldSchema>;

const nullableString = z.string().nullable();

export const RegistrantDetailSchema = z.object({
  event_id: z.string(),
  session_id: z.string(),
  created_at: unixSeconds,
  updated_at: unixSeconds,
  fields: z.array(RegistrantFieldSchema),
  referrer: nullableString,
  utm_source: nullableString,
  utm_medium: nullableString,
  utm_term: nullableString,
  utm_content: nullableString,
  utm_campaign: nullableString,
  browser_version: nullableString,
  browser_name: nullableString,
  os_name: nullableString,
  os_version: nullableString,
  screen_height: z.number().int().nullable(),
  screen_width: z.number().int().nullable(),
  ip_city: nullableString,
  ip_country_code: nullableString,
  ip_country_name: nullableString,
  password_key: z.string(),
  connection_link: z.string(),
  attended: z.boolean(),
  attendance_rate: z.number().nullable(),
  attendance_duration: z.number().int().nonnegative(),
  has_viewed_replay: z.boolean(),
  registration_type: z.string(),
  is_highlighted: z.boolean(),
  is_guest_speaker: z.boolean(),
  session_role: nullableString,
});
export type RegistrantDetail = z.infer<typeof RegistrantDetailSchema>;

export const PersonAttributesSchema = z.object({
  role: z.enum(['participant', 'team_member']),
  created_at: unixSeconds,
  updated_at: unixSeconds,
  timezone: nullableString,
  first_name: nullableString,
  last_name: nullableString,
  email: z.string(),
  avatar_link: nullableString,
  registrant_detail: RegistrantDetailSchema,
  messages_count: z.number().int().nonnegative(),
  questions_count: z.number().int().nonnegative(),
  votes_count: z.number().int().nonnegative(),
  up_votes_count: z.number().int().nonnegative(),
  replay_view_detail: z.object({ watched_at: unixSeconds }).nullable(),
});
export type PersonAttributes = z.infer<typeof PersonAttributesSchema>;

export const PersonRecordSchema = z.object({ id: z.string(), attributes: PersonAttributesSchema });
export type PersonRecord = z.infer<typeof PersonRecordSchema>;

export const PEOPLE_ATTRIBUTE_TYPES = [
  'text',
  'email',
  'avatar',
  'url',
  'consent',
  'unique_select',
  'multiple_select',
] as const;
export type PeopleAttributeType = (typeof PEOPLE_ATTRIBUTE_TYPES)[number];

export const PeopleAttributeRecordSchema = z.object({
  id: z.string(),
  attributes: z.object({
    name: z.string(),
    slug: z.string(),
    type: z.enum(PEOPLE_ATTRIBUTE_TYPES),
    builtin: z.boolean(),
    placeholder: z.string().nullable(),
  }),
});
export type PeopleAttributeRecord = z.infer<typeof PeopleAttributeRecordSchema>;

/** A webhook subscription (docs/livestorm-api.md §8.1): one event, one URL, for the whole workspace. */
export const WebhookRecordSchema = z.object({
  id: z.string(),
  attributes: z.object({ url: z.string(), event: z.string(), created_at: unixSeconds, updated_at: unixSeconds }),
});
export type WebhookRecord = z.infer<typeof WebhookRecordSchema>;

/**
 * A bulk registration job (docs/livestorm-api.md §14.1) and its tasks, one per person. A task keeps
 * what was submitted (`input`) only until it is processed.
 */
export const JOB_STATUSES = ['processing', 'ended', 'failed'] as const;
export const TASK_STATUSES = ['pending', 'success', 'failed'] as const;
export const TaskRecordSchema = z.object({
  id: z.string(),
  attributes: z.object({
    position: z.number().int().nonnegative(),
    status: z.enum(TASK_STATUSES),
    email: z.string().nullable(),
    person_id: z.string().nullable(),
    /** `already_registered`, `invalid`, `closed`; null unless failed */
    error_code: z.string().nullable(),
    error: z.string().nullable(),
    created_at: unixSeconds,
    updated_at: unixSeconds,
  }),
  input: z.unknown().nullable(),
});
export type TaskRecord = z.infer<typeof TaskRecordSchema>;
export const JobRecordSchema = z.object({
  id: z.string(),
  attributes: z.object({
    session_id: z.string(),
    status: z.enum(JOB_STATUSES),
    total: z.number().int().nonnegative(),
    processed: z.number().int().nonnegative(),
    success: z.number().int().nonnegative(),
    fail: z.number().int().nonnegative(),
    created_at: unixSeconds,
    updated_at: unixSeconds,
    ended_at: unixSeconds,
  }),
  tasks: z.array(TaskRecordSchema),
});
export type JobRecord = z.infer<typeof JobRecordSchema>;

export const OrganizationSchema = z.object({ id: z.string(), name: z.string(), slug: z.string() });
export type Organization = z.infer<typeof OrganizationSchema>;

export const STATE_VERSION = 1;

export const SandboxStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  /** ms timestamp the seed's relative times were computed from; moved forward by whole days on rebase */
  anchor: z.number().int().nonnegative(),
  organization: OrganizationSchema,
  events: z.array(EventRecordSchema),
  sessions: z.array(SessionRecordSchema),
  people: z.array(PersonRecordSchema),
  peopleAttributes: z.array(PeopleAttributeRecordSchema),
  /** Added after version 1 was released: state files without it load with no subscriptions. */
  webhooks: z.array(WebhookRecordSchema).default([]),
  /** Bulk registration jobs; added later like `webhooks`. */
  jobs: z.array(JobRecordSchema).default([]),
  /** 30-day quota window, counted from the first call of the period (per the rate-limit docs) */
  quota: z.object({
    periodStart: z.number().int().nonnegative().nullable(),
    used: z.number().int().nonnegative(),
  }),
});
export type SandboxState = z.infer<typeof SandboxStateSchema>;

/** A resource as the API renders it (docs/livestorm-api.md §4). */
export interface JsonApiResource {
  id: string;
  type: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data: { type: string; id: string } | Array<{ type: string; id: string }> }>;
}
