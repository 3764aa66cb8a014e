import type { SandboxContext } from '../context';
import { HttpError, enumFilter, ok, paginate, readFilters, readIncludes, timeWindowFilter, timestampFilter, type Reply } from '../jsonapi';
import { renderEvent, renderSession, sessionsByEvent, sortSessions } from '../render';
import { route, type RouteCall, type RouteDefinition } from '../router';
import { SESSION_STATUSES, type JsonApiResource, type SandboxState, type SessionRecord } from '../schema';

// GET /sessions, GET /events/:id/sessions and GET /sessions/:id (docs/livestorm-api.md §2, §4.3),
// with `include=event`. Sessions are scheduled and moved between statuses by control routes.

export function findSession(state: SandboxState, id: string): SessionRecord {
  const session = state.sessions.find((s) => s.id === id);
  if (!session) throw new HttpError(404, `Session ${id} not found`);
  return session;
}

function includedEvents(state: SandboxState, sessions: readonly SessionRecord[]): JsonApiResource[] {
  const byEvent = sessionsByEvent(state);
  const ids = [...new Set(sessions.map((s) => s.attributes.event_id))];
  return ids.flatMap((id) => {
    const event = state.events.find((e) => e.id === id);
    return event ? [renderEvent(event, byEvent.get(id) ?? [], false)] : [];
  });
}

/** Every session, or those of one event (`eventId`). */
function listSessions(state: SandboxState, call: RouteCall, eventId: string | null): Reply {
  const filters = readFilters(call.query, [
    'status',
    'date_from',
    'date_to',
    'created_since',
    'created_until',
    'updated_since',
    'updated_until',
  ]);
  const includes = readIncludes(call.query, ['event']);
  if (eventId !== null && !state.events.some((e) => e.id === eventId)) {
    throw new HttpError(404, `Event ${eventId} not found`);
  }
  const status = enumFilter(filters, 'status', SESSION_STATUSES);
  const dateFrom = timestampFilter(filters, 'date_from');
  const dateTo = timestampFilter(filters, 'date_to');
  const inTimeWindow = timeWindowFilter(filters);

  const sessions = sortSessions(
    state.sessions.filter((session) => {
      const a = session.attributes;
      if (eventId !== null && a.event_id !== eventId) return false;
      if (status !== null && a.status !== status) return false;
      // Both bounds are inclusive instants; an ISO date without time means 00:00 UTC.
      if (dateFrom !== null && a.estimated_started_at < dateFrom) return false;
      if (dateTo !== null && a.estimated_started_at > dateTo) return false;
      if (!inTimeWindow(a)) return false;
      return true;
    }),
  );
  const page = paginate(sessions, call.query);
  const withEvent = includes.has('event');
  const data = page.items.map((s) => renderSession(s, withEvent));
  if (!withEvent) return ok({ data, meta: page.meta });
  return ok({ data, included: includedEvents(state, page.items), meta: page.meta });
}

function showSession({ state }: SandboxContext, call: RouteCall): Reply {
  const [id = ''] = call.params;
  const includes = readIncludes(call.query, ['event']);
  const session = findSession(state, id);
  const withEvent = includes.has('event');
  const data = renderSession(session, withEvent);
  return ok(withEvent ? { data, included: includedEvents(state, [session]) } : { data });
}

export const sessionRoutes: RouteDefinition<SandboxContext>[] = [
  route('GET', '/events/:id/sessions', ({ state }, call) => listSessions(state, call, call.params[0] ?? '')),
  route('GET', '/sessions', ({ state }, call) => listSessions(state, call, null)),
  route('GET', '/sessions/:id', showSession),
];
