import { randomUUID } from 'node:crypto';
import { seedUuid } from '../ids';
import { registrationLink, roomLink } from '../links';
import type { EventField, EventRecord, Owner, SessionRecord, SessionStatus } from '../schema';
import { WORKSPACE, type FieldRef } from './workspace';

// Event and session factories: the one place these records' full shapes are spelled out, shared
// by the seed and by the control routes that create them. People are ./person.ts.

const BUILTIN_FIELDS = new Map(WORKSPACE.builtinFields.map((f) => [f.id, f]));

/** An event's form from its field references (workspace.ts checked they all exist). */
export function buildFields(refs: readonly FieldRef[]): EventField[] {
  return refs.map(({ id, required }, order) => {
    const builtin = BUILTIN_FIELDS.get(id);
    if (builtin) return { id, type: builtin.type, order, required };
    const def = WORKSPACE.customFields[id]!;
    const field: EventField = { id, type: def.type, order, required, custom: true };
    if (def.options) field.options = { items: def.options.items.map((value) => ({ value })), multiple_answers: def.options.multiple_answers };
    return field;
  });
}

function buildOwner(key: string, nowS: number): Owner {
  const o = WORKSPACE.owners[key]!;
  const created = nowS - 400 * 86_400;
  return {
    id: seedUuid(`owner/${key}`),
    type: 'people',
    attributes: {
      role: 'team_member',
      created_at: created,
      updated_at: created + 3_600,
      timezone: o.timezone,
      first_name: o.firstName,
      last_name: o.lastName,
      email: o.email,
      avatar_link: null,
    },
  };
}

export interface EventDraft {
  title: string;
  slug: string;
  language: string;
  duration: number;
  /** key of the workspace's owners */
  owner: string;
  status: 'published' | 'draft';
  listed: boolean;
  description: string | null;
  fields: EventField[];
  createdAt: number;
  publishedAt: number;
  updatedAt: number;
  everyoneCanSpeak?: boolean;
  recordingPublic?: boolean;
  lightRegistration?: boolean;
}

export function eventRecord(id: string, d: EventDraft, nowS: number): EventRecord {
  return {
    id,
    attributes: {
      title: d.title,
      slug: d.slug,
      registration_link: registrationLink(id),
      estimated_duration: d.duration,
      registration_page_enabled: true,
      light_registration_page_enabled: d.lightRegistration ?? true,
      everyone_can_speak: d.everyoneCanSpeak ?? false,
      description: d.description,
      status: d.status,
      recording_enabled: !d.everyoneCanSpeak,
      recording_public: d.recordingPublic ?? false,
      show_in_company_page: d.listed,
      chat_enabled: true,
      polls_enabled: d.duration >= 45,
      questions_enabled: true,
      language: d.language,
      published_at: d.publishedAt,
      created_at: d.createdAt,
      updated_at: d.updatedAt,
      owner: buildOwner(d.owner, nowS),
      fields: d.fields,
    },
  };
}

export interface NewEventInput {
  title: string;
  slug: string;
  status: 'published' | 'draft';
  listed: boolean;
  language: string;
  duration: number;
  description: string | null;
}

/** An event created now by a test or an operator (control route), with the workspace's basic form. */
export function newEvent(input: NewEventInput, nowS: number): EventRecord {
  return eventRecord(
    randomUUID(),
    {
      ...input,
      owner: WORKSPACE.newEvent.owner,
      fields: buildFields(WORKSPACE.newEvent.fields),
      createdAt: nowS,
      publishedAt: input.status === 'published' ? nowS : 0,
      updatedAt: nowS,
    },
    nowS,
  );
}

/** What differs between sessions; the rest of the record follows from it. */
export interface SessionDraft {
  status: SessionStatus;
  timezone: string;
  estimatedStartedAt: number;
  name: string | null;
  createdAt: number;
  startedAt: number;
  endedAt: number;
  canceledAt: number;
  duration: number | null;
}

export function sessionRecord(id: string, event: EventRecord, d: SessionDraft): SessionRecord {
  return {
    id,
    attributes: {
      event_id: event.id,
      status: d.status,
      timezone: d.timezone,
      room_link: roomLink(event.id, id),
      name: d.name,
      attendees_count: 0,
      duration: d.duration,
      estimated_started_at: d.estimatedStartedAt,
      started_at: d.startedAt,
      ended_at: d.endedAt,
      canceled_at: d.canceledAt,
      created_at: d.createdAt,
      updated_at: Math.max(d.createdAt, d.startedAt, d.endedAt, d.canceledAt),
      registrants_count: 0,
      breakout_room_parent_session_id: null,
    },
  };
}

/** A session scheduled now by a test or an operator (control route), upcoming. */
export function newSession(event: EventRecord, input: { startsAtS: number; timezone: string; name: string | null }, nowS: number): SessionRecord {
  return sessionRecord(randomUUID(), event, {
    status: 'upcoming',
    timezone: input.timezone,
    estimatedStartedAt: input.startsAtS,
    name: input.name,
    createdAt: nowS,
    startedAt: 0,
    endedAt: 0,
    canceledAt: 0,
    duration: null,
  });
}
