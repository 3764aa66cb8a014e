import { humanize, seedEventId, seedSessionId, seedUuid, slugify } from '../ids';
import {
  STATE_VERSION,
  type EventField,
  type EventRecord,
  type Organization,
  type PeopleAttributeRecord,
  type PeopleAttributeType,
  type PersonRecord,
  type SandboxState,
  type SessionRecord,
  type SessionStatus,
} from '../schema';
import { plannedStart } from './placement';
import { buildFields, eventRecord, sessionRecord } from './records';
import { seedRegistrants } from './registrants';
import { WORKSPACE, hasSessionKey, type EventSpec, type SeedEventKey, type SessionSpec } from './workspace';

// The seeded state: the demo workspace (./workspace-data.ts) turned into records. Every instant is
// computed from `nowMs` so the data is always "current"; ids come from stable keys so they are
// identical across reseeds and machines.

export { SEED_EVENT_KEYS, type SeedEventKey } from './workspace';

export const ORGANIZATION: Organization = { id: seedUuid('organization'), ...WORKSPACE.organization };

/** A registrant that exists in every fresh seed (first upcoming product-demo session), for "already registered" flows. */
export const SEED_REGISTERED_EMAIL: string = WORKSPACE.registrants.alreadyRegistered.email;

export interface SeedEventInfo {
  id: string;
  slug: string;
  title: string;
}

export const SEED_EVENTS = Object.fromEntries(
  WORKSPACE.events.map((spec) => [spec.key, { id: seedEventId(spec.key), slug: slugify(spec.title), title: spec.title }]),
) as Record<SeedEventKey, SeedEventInfo>;

/** Id of a seeded session; its key must exist in the workspace (checked once, at load). */
function sessionId(key: string): string {
  if (!hasSessionKey(key)) throw new Error(`lib/sandbox/seed: no seeded session "${key}" in workspace-data.ts`);
  return seedSessionId(key);
}

/** Sessions that exist for the edge cases; their ids are stable. */
export const SEED_SESSIONS = {
  /** status live, started ~10 min before seeding (officeHours) */
  live: sessionId('officeHours-live'),
  /** status upcoming but estimated start 10-25 min in the past (german) */
  lateHost: sessionId('german-late'),
  /** status canceled inside the otherwise normal product demo */
  canceled: sessionId('productDemo-canceled'),
  /** status draft, in the draft event */
  draft: sessionId('draft-1'),
  /** the nearest upcoming session, ~2-2.5 h ahead (onboarding) */
  soon: sessionId('onboarding-soon'),
  /** starts 2 days after the next DST change of the seed date, when one exists within ~5 weeks */
  dst: sessionId('onboarding-dst'),
  /** first upcoming product-demo session; SEED_REGISTERED_EMAIL is registered to it */
  registered: sessionId(WORKSPACE.registrants.alreadyRegistered.session),
  /** a past (ended) session of the past-only event */
  past: sessionId('pastOnly-1'),
  /** upcoming sessions of the unlisted event */
  unlisted: sessionId('unlisted-1'),
  /** upcoming session of the event whose form uses every field type */
  allFieldTypes: sessionId('analyticsWorkshop-1'),
  /** upcoming session of the event with the malicious description */
  xss: sessionId('security-1'),
} as const;

function buildEvent(spec: EventSpec, index: number, nowS: number): EventRecord {
  // Hour offsets keep created_at distinct so the created_at sort is total.
  const createdAt = nowS - spec.createdDaysAgo * 86_400 + index * 3_600;
  return eventRecord(
    seedEventId(spec.key),
    {
      ...spec,
      slug: slugify(spec.title),
      fields: buildFields(spec.fields),
      createdAt,
      publishedAt: spec.status === 'published' ? createdAt + 3_600 : 0,
      updatedAt: createdAt + 2 * 86_400,
    },
    nowS,
  );
}

/** `index` is the session's rank in its event: it staggers creation times and past durations. */
function buildSession(spec: SessionSpec, event: EventRecord, index: number, nowMs: number): SessionRecord {
  const nowS = Math.floor(nowMs / 1000);
  const { tz, startMs } = plannedStart(spec.when, spec.timezone, nowMs);
  const status: SessionStatus = spec.status ?? (spec.when.kind === 'live' ? 'live' : 'upcoming');
  const estimated = Math.floor(startMs / 1000);
  const durationMinutes = event.attributes.estimated_duration;
  let startedAt = 0;
  let endedAt = 0;
  let canceledAt = 0;
  let duration: number | null = null;
  if (status === 'live') {
    startedAt = nowS - 600;
  } else if (status === 'past') {
    startedAt = estimated + 90;
    duration = durationMinutes * 60 + 137 + index * 41;
    endedAt = startedAt + duration;
  } else if (status === 'canceled') {
    canceledAt = nowS - 2 * 86_400;
  }
  return sessionRecord(seedSessionId(spec.key), event, {
    status,
    timezone: tz,
    estimatedStartedAt: estimated,
    name: spec.name ?? null,
    createdAt: event.attributes.created_at + 300 * (index + 1),
    startedAt,
    endedAt,
    canceledAt,
    duration,
  });
}

/** People attribute type for an event-field type (the attributes API has a smaller vocabulary). */
function attributeType(field: EventField): PeopleAttributeType {
  switch (field.type) {
    case 'email':
    case 'url':
    case 'consent':
    case 'unique_select':
    case 'multiple_select':
    case 'text':
      return field.type;
    case 'multiple':
      return field.options?.multiple_answers ? 'multiple_select' : 'unique_select';
    case 'file':
      // No file attribute type exists; uploads are submitted as public URLs.
      return 'url';
    default:
      return 'text';
  }
}

/** The built-in attributes, then each custom field in the order events first use it. */
function buildPeopleAttributes(events: EventRecord[]): PeopleAttributeRecord[] {
  const builtins = WORKSPACE.builtinFields.map(({ id, attribute }): PeopleAttributeRecord => ({
    id: seedUuid(`people_attribute/${id}`),
    attributes: { name: attribute.name, slug: id, type: attribute.type, builtin: true, placeholder: attribute.placeholder },
  }));
  const seen = new Set<string>();
  const customs: PeopleAttributeRecord[] = [];
  for (const event of events) {
    for (const field of event.attributes.fields) {
      if (!field.custom || seen.has(field.id)) continue;
      seen.add(field.id);
      const def = WORKSPACE.customFields[field.id];
      customs.push({
        id: seedUuid(`people_attribute/${field.id}`),
        attributes: {
          name: def?.name ?? humanize(field.id),
          slug: field.id,
          type: attributeType(field),
          builtin: false,
          placeholder: def?.placeholder ?? null,
        },
      });
    }
  }
  return [...builtins, ...customs];
}

/** A complete fresh state whose relative times are computed from `nowMs`. */
export function createSeedState(nowMs: number): SandboxState {
  const nowS = Math.floor(nowMs / 1000);
  const events: EventRecord[] = [];
  const sessions: SessionRecord[] = [];
  const people: PersonRecord[] = [];
  let sessionIndex = 0;
  WORKSPACE.events.forEach((spec, eventIndex) => {
    const event = buildEvent(spec, eventIndex, nowS);
    events.push(event);
    spec.sessions.forEach((sessionSpec, i) => {
      const session = buildSession(sessionSpec, event, i, nowMs);
      const registrants = seedRegistrants(event, session, sessionSpec.registrants ?? 0, sessionIndex, nowS);
      session.attributes.registrants_count = registrants.length;
      session.attributes.attendees_count = registrants.filter((p) => p.attributes.registrant_detail.attended).length;
      sessions.push(session);
      people.push(...registrants);
      sessionIndex += 1;
    });
  });
  return {
    version: STATE_VERSION,
    anchor: nowMs,
    organization: { ...ORGANIZATION },
    events,
    sessions,
    people,
    peopleAttributes: buildPeopleAttributes(events),
    webhooks: [],
    jobs: [],
    quota: { periodStart: null, used: 0 },
  };
}
