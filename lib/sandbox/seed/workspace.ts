import { z } from 'zod';
import { EVENT_STATUSES, PEOPLE_ATTRIBUTE_TYPES, SESSION_STATUSES } from '../schema';
import { isTimeZoneName } from '../time';
import { WORKSPACE_DATA } from './workspace-data';

// The demo workspace is data, in ./workspace-data.ts (one JSON-shaped literal, typed `unknown`),
// rather than code: nothing in it computes, so it reads and diffs as the list of what the sandbox
// serves, and growing the demo never means touching the generator. What its members mean is said
// here, on the schema that checks it once, when loaded. Strict objects and cross-reference checks
// turn a typo into an error at start-up instead of silently different seed data.

/** The seeded events, reached as SEED_EVENTS.<key> by tests and scripts; the data has each once. */
export const SEED_EVENT_KEYS = [
  'productDemo',
  'onboarding',
  'customerStory',
  'security',
  'analyticsWorkshop',
  'french',
  'german',
  'spanish',
  'draft',
  'unlisted',
  'pastOnly',
  'officeHours',
  'apiIntegrations',
] as const;
export type SeedEventKey = (typeof SEED_EVENT_KEYS)[number];

const timeZone = z.string().refine(isTimeZoneName, 'must be an IANA time zone');
const hhmm = z.string().regex(/^\d{1,2}:\d{2}$/, 'must be HH:MM');

/** When a seeded session starts, relative to the seeding instant. */
const WhenSchema = z.discriminatedUnion('kind', [
  /** local wall-clock `time`, `days` calendar days from today in the session's zone */
  z.strictObject({ kind: z.literal('day'), days: z.number().int(), time: hhmm }),
  /** the next half hour at least 2 h ahead */
  z.strictObject({ kind: z.literal('soon') }),
  /** estimated start 10-25 min ago, the host has not started */
  z.strictObject({ kind: z.literal('late') }),
  /** started ~10 min ago */
  z.strictObject({ kind: z.literal('live') }),
  /** 10:00, 2 days after the next DST change of one of `dstZones` (in that zone) */
  z.strictObject({ kind: z.literal('dst') }),
]);
export type When = z.infer<typeof WhenSchema>;

/** A field of an event's form: a built-in field or a key of `customFields`. */
const FieldRefSchema = z.strictObject({ id: z.string().min(1), required: z.boolean() });
export type FieldRef = z.infer<typeof FieldRefSchema>;

const SessionSpecSchema = z.strictObject({
  /** id key: the session's id is derived from it */
  key: z.string().min(1),
  timezone: timeZone,
  when: WhenSchema,
  /** default: upcoming (live for `when.kind` live) */
  status: z.enum(SESSION_STATUSES).optional(),
  name: z.string().optional(),
  /** how many registrants to seed (past sessions get attendance figures) */
  registrants: z.number().int().nonnegative().optional(),
});
export type SessionSpec = z.infer<typeof SessionSpecSchema>;

const EventSpecSchema = z.strictObject({
  key: z.enum(SEED_EVENT_KEYS),
  title: z.string().min(1),
  language: z.string().length(2),
  /** minutes */
  duration: z.number().int().positive(),
  /** key of `owners` */
  owner: z.string(),
  status: z.enum(EVENT_STATUSES),
  /** shown on the company page */
  listed: z.boolean(),
  createdDaysAgo: z.number().int().nonnegative(),
  everyoneCanSpeak: z.boolean().optional(),
  recordingPublic: z.boolean().optional(),
  lightRegistration: z.boolean().optional(),
  /** HTML; an array is joined with newlines (the hostile description reads best a tag per line) */
  description: z.union([z.string(), z.array(z.string()).transform((lines) => lines.join('\n'))]),
  fields: z.array(FieldRefSchema),
  sessions: z.array(SessionSpecSchema),
});
export type EventSpec = z.infer<typeof EventSpecSchema>;

const OwnerSchema = z.strictObject({ firstName: z.string(), lastName: z.string(), email: z.string(), timezone: timeZone });

/** Custom fields (People Attributes); `type` is the event-field type as it appears in `fields`. */
const CustomFieldSchema = z.strictObject({
  type: z.string().min(1),
  name: z.string().min(1),
  placeholder: z.string().nullable(),
  options: z.strictObject({ items: z.array(z.string()).min(1), multiple_answers: z.boolean() }).optional(),
});
export type CustomField = z.infer<typeof CustomFieldSchema>;

/** Livestorm's own fields: their event-field type and their People Attribute. */
const BuiltinFieldSchema = z.strictObject({
  id: z.string().min(1),
  type: z.string().min(1),
  attribute: z.strictObject({ name: z.string(), type: z.enum(PEOPLE_ATTRIBUTE_TYPES), placeholder: z.string().nullable() }),
});

const nullableText = z.string().nullable().optional();

const WorkspaceSchema = z
  .strictObject({
    organization: z.strictObject({ name: z.string(), slug: z.string() }),
    /** event hosts, by key */
    owners: z.record(z.string(), OwnerSchema),
    builtinFields: z.array(BuiltinFieldSchema),
    customFields: z.record(z.string(), CustomFieldSchema),
    /** what events created through the control routes get */
    newEvent: z.strictObject({ owner: z.string(), fields: z.array(FieldRefSchema) }),
    /** zones with DST, checked in order for the next change (the `dst` session goes right after it) */
    dstZones: z.array(timeZone).min(1),
    /** in this order (it sets created_at, hence the default sort) */
    events: z.array(EventSpecSchema),
    registrants: z.strictObject({
      /** first and last names, used in turn; e-mails are first.last@emailDomain */
      names: z.array(z.tuple([z.string(), z.string()])).min(1),
      /** answers to the `company` field, in turn */
      companies: z.array(z.string()).min(1),
      emailDomain: z.string(),
      /** tracking of every other seeded registrant (the others have none) */
      tracking: z.strictObject({
        referrer: nullableText,
        utm_source: nullableText,
        utm_medium: nullableText,
        utm_term: nullableText,
        utm_content: nullableText,
        utm_campaign: nullableText,
      }),
      /** the first registrant of `session` (a session key) in every fresh seed */
      alreadyRegistered: z.strictObject({ session: z.string(), email: z.string(), firstName: z.string(), lastName: z.string() }),
    }),
  })
  .superRefine((ws, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    const fieldIds = new Set([...ws.builtinFields.map((f) => f.id), ...Object.keys(ws.customFields)]);
    const checkForm = (where: string, fields: readonly FieldRef[]) => {
      const seen = new Set<string>();
      for (const { id } of fields) {
        if (!fieldIds.has(id)) problem(`${where}: unknown field "${id}"`);
        if (seen.has(id)) problem(`${where}: field "${id}" twice`);
        seen.add(id);
      }
    };
    const checkOwner = (where: string, owner: string) => {
      if (!Object.hasOwn(ws.owners, owner)) problem(`${where}: unknown owner "${owner}"`);
    };
    checkOwner('newEvent', ws.newEvent.owner);
    checkForm('newEvent', ws.newEvent.fields);
    const sessionKeys = new Set<string>();
    for (const event of ws.events) {
      checkOwner(`event ${event.key}`, event.owner);
      checkForm(`event ${event.key}`, event.fields);
      for (const session of event.sessions) {
        if (sessionKeys.has(session.key)) problem(`session key "${session.key}" twice`);
        sessionKeys.add(session.key);
      }
    }
    for (const key of SEED_EVENT_KEYS) {
      const count = ws.events.filter((e) => e.key === key).length;
      if (count !== 1) problem(`event "${key}" appears ${count} times (expected once)`);
    }
    if (!sessionKeys.has(ws.registrants.alreadyRegistered.session)) {
      problem(`registrants.alreadyRegistered: unknown session "${ws.registrants.alreadyRegistered.session}"`);
    }
  });
export type Workspace = z.infer<typeof WorkspaceSchema>;

function parseWorkspace(json: unknown): Workspace {
  const parsed = WorkspaceSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`lib/sandbox/seed/workspace-data.ts is invalid: ${issues.join('; ')}`);
}

export const WORKSPACE: Workspace = parseWorkspace(WORKSPACE_DATA);

/** Whether `key` names a seeded session (SEED_SESSIONS checks its keys with it). */
export function hasSessionKey(key: string): boolean {
  return WORKSPACE.events.some((e) => e.sessions.some((s) => s.key === key));
}
