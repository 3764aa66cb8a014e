import type { SandboxContext } from '../context';
import {
  HttpError,
  booleanFilter,
  enumFilter,
  ok,
  paginate,
  readFilters,
  readIncludes,
  timeWindowFilter,
  type Reply,
} from '../jsonapi';
import { renderEvent, renderSession, schedulingStatus, sessionsByEvent } from '../render';
import { route, type RouteCall, type RouteDefinition } from '../router';
import { SCHEDULING_STATUSES, type EventRecord, type JsonApiResource, type SandboxState } from '../schema';

// GET /events and GET /events/:id (docs/livestorm-api.md §2, §4.1), with `include=sessions`.
// Events are created and published through control routes (../control.ts).

export function findEvent(state: SandboxState, id: string): EventRecord {
  const event = state.events.find((e) => e.id === id);
  if (!event) throw new HttpError(404, `Event ${id} not found`);
  return event;
}

function listEvents({ state }: SandboxContext, call: RouteCall): Reply {
  const filters = readFilters(call.query, [
    'title',
    'scheduling_status',
    'everyone_can_speak',
    'created_since',
    'created_until',
    'updated_since',
    'updated_until',
  ]);
  const includes = readIncludes(call.query, ['sessions']);
  const title = filters.get('title')?.trim().toLowerCase() ?? null;
  const scheduling = enumFilter(filters, 'scheduling_status', SCHEDULING_STATUSES);
  const everyoneCanSpeak = booleanFilter(filters, 'everyone_can_speak');
  const inTimeWindow = timeWindowFilter(filters);

  const byEvent = sessionsByEvent(state);
  const events = state.events
    .filter((event) => {
      const a = event.attributes;
      if (title !== null && !a.title.toLowerCase().includes(title)) return false;
      if (scheduling !== null && schedulingStatus(event, byEvent.get(event.id) ?? []) !== scheduling) return false;
      if (everyoneCanSpeak !== null && a.everyone_can_speak !== everyoneCanSpeak) return false;
      if (!inTimeWindow(a)) return false;
      return true;
    })
    .sort((a, b) => a.attributes.created_at - b.attributes.created_at || a.id.localeCompare(b.id));

  const page = paginate(events, call.query);
  const withSessions = includes.has('sessions');
  const data = page.items.map((event) => renderEvent(event, byEvent.get(event.id) ?? [], withSessions));
  if (!withSessions) return ok({ data, meta: page.meta });
  const seen = new Set<string>();
  const included: JsonApiResource[] = [];
  for (const event of page.items) {
    for (const session of byEvent.get(event.id) ?? []) {
      if (seen.has(session.id)) continue;
      seen.add(session.id);
      included.push(renderSession(session, false));
    }
  }
  return ok({ data, included, meta: page.meta });
}

function showEvent({ state }: SandboxContext, call: RouteCall): Reply {
  const [id = ''] = call.params;
  const includes = readIncludes(call.query, ['sessions']);
  const event = findEvent(state, id);
  const sessions = sessionsByEvent(state).get(event.id) ?? [];
  const data = renderEvent(event, sessions, includes.has('sessions'));
  if (!includes.has('sessions')) return ok({ data });
  return ok({ data, included: sessions.map((s) => renderSession(s, false)) });
}

export const eventRoutes: RouteDefinition<SandboxContext>[] = [
  route('GET', '/events', listEvents),
  route('GET', '/events/:id', showEvent),
];
