import type { EventRecord, JsonApiResource, SandboxState, SchedulingStatus, SessionRecord } from './schema';

// Events and sessions as JSON:API resources (docs/livestorm-api.md §4.1, §4.3). They live together,
// not in their resource files, because each includes the other and an event's derived attributes
// (scheduling_status, sessions_count) are computed from its sessions here, so they never drift.
// Other resources render in their own file under resources/.

export function sortSessions(sessions: SessionRecord[]): SessionRecord[] {
  return sessions.sort(
    (a, b) => a.attributes.estimated_started_at - b.attributes.estimated_started_at || a.id.localeCompare(b.id),
  );
}

/** event id -> its sessions, sorted by scheduled start */
export function sessionsByEvent(state: SandboxState): Map<string, SessionRecord[]> {
  const map = new Map<string, SessionRecord[]>();
  for (const session of state.sessions) {
    const list = map.get(session.attributes.event_id);
    if (list) list.push(session);
    else map.set(session.attributes.event_id, [session]);
  }
  for (const list of map.values()) sortSessions(list);
  return map;
}

export function schedulingStatus(event: EventRecord, sessions: readonly SessionRecord[]): SchedulingStatus {
  if (event.attributes.status === 'draft') return 'draft';
  const statuses = new Set(sessions.filter((s) => s.attributes.status !== 'draft').map((s) => s.attributes.status));
  if (statuses.size === 0) return 'not_scheduled';
  if (statuses.has('live')) return 'live';
  if (statuses.has('upcoming')) return 'upcoming';
  if (statuses.has('on_demand')) return 'on_demand';
  if (statuses.has('past')) return 'ended';
  if (statuses.has('past_not_started')) return 'not_started';
  return 'cancelled';
}

export function renderEvent(event: EventRecord, sessions: readonly SessionRecord[], withSessions: boolean): JsonApiResource {
  const a = event.attributes;
  const resource: JsonApiResource = {
    id: event.id,
    type: 'events',
    attributes: {
      title: a.title,
      slug: a.slug,
      registration_link: a.registration_link,
      estimated_duration: a.estimated_duration,
      registration_page_enabled: a.registration_page_enabled,
      light_registration_page_enabled: a.light_registration_page_enabled,
      everyone_can_speak: a.everyone_can_speak,
      description: a.description,
      status: a.status,
      scheduling_status: schedulingStatus(event, sessions),
      recording_enabled: a.recording_enabled,
      recording_public: a.recording_public,
      show_in_company_page: a.show_in_company_page,
      chat_enabled: a.chat_enabled,
      polls_enabled: a.polls_enabled,
      questions_enabled: a.questions_enabled,
      language: a.language,
      published_at: a.published_at,
      created_at: a.created_at,
      updated_at: a.updated_at,
      owner: structuredClone(a.owner),
      sessions_count: sessions.length,
      fields: structuredClone(a.fields),
    },
  };
  if (withSessions) {
    resource.relationships = { sessions: { data: sessions.map((s) => ({ type: 'sessions', id: s.id })) } };
  }
  return resource;
}

export function renderSession(session: SessionRecord, withEvent: boolean): JsonApiResource {
  const resource: JsonApiResource = { id: session.id, type: 'sessions', attributes: { ...session.attributes } };
  if (withEvent) resource.relationships = { event: { data: { type: 'events', id: session.attributes.event_id } } };
  return resource;
}
