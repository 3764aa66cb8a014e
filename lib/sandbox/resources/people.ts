import type { ReceivedRegistration, SandboxContext } from '../context';
import {
  HttpError,
  booleanFilter,
  enumFilter,
  ok,
  paginate,
  parseJsonBody,
  readFilters,
  readIncludes,
  timeWindowFilter,
  type Reply,
} from '../jsonapi';
import { buildRegistration, validateRegistrationShape } from '../registration';
import { route, type RouteCall, type RouteDefinition } from '../router';
import type { JsonApiResource, PersonRecord } from '../schema';
import { findSession } from './sessions';

// People of a session: GET /sessions/:id/people lists its registrants, POST registers one
// (docs/livestorm-api.md §4.4, §5; the resource shape is §13 D). The registration rules are in
// ../registration.ts.

/** Registration bodies kept for GET /__sandbox/registrations. */
const MAX_RECEIVED = 500;

export function renderPerson(person: PersonRecord): JsonApiResource {
  return { id: person.id, type: 'people', attributes: structuredClone(person.attributes) };
}

function listSessionPeople({ state }: SandboxContext, call: RouteCall): Reply {
  const [sessionId = ''] = call.params;
  const filters = readFilters(call.query, [
    'email',
    'role',
    'attended',
    'created_since',
    'created_until',
    'updated_since',
    'updated_until',
  ]);
  readIncludes(call.query, []);
  if (!state.sessions.some((s) => s.id === sessionId)) throw new HttpError(404, `Session ${sessionId} not found`);
  const email = filters.get('email')?.trim().toLowerCase() ?? null;
  const role = enumFilter(filters, 'role', ['participant', 'team_member'] as const);
  const attended = booleanFilter(filters, 'attended');
  const inTimeWindow = timeWindowFilter(filters);
  const people = state.people
    .filter((p) => {
      const a = p.attributes;
      if (a.registrant_detail.session_id !== sessionId) return false;
      if (email !== null && a.email.toLowerCase() !== email) return false;
      if (role !== null && a.role !== role) return false;
      if (attended !== null && a.registrant_detail.attended !== attended) return false;
      if (!inTimeWindow(a)) return false;
      return true;
    })
    .sort((a, b) => a.attributes.created_at - b.attributes.created_at || a.id.localeCompare(b.id));
  const page = paginate(people, call.query);
  return ok({ data: page.items.map(renderPerson), meta: page.meta });
}

/** Logs the body as received (whatever the outcome), then registers. */
async function register(sandbox: SandboxContext, call: RouteCall): Promise<Reply> {
  const [sessionId = ''] = call.params;
  const json = parseJsonBody(call.request.headers.get('content-type'), await call.request.text());
  const record: ReceivedRegistration = { sessionId, receivedAt: call.nowMs, status: 500, body: json };
  sandbox.received.push(record);
  if (sandbox.received.length > MAX_RECEIVED) sandbox.received.shift();
  try {
    const reply = registerParsed(sandbox, call, sessionId, json);
    record.status = reply.status;
    return reply;
  } catch (error) {
    record.status = error instanceof HttpError ? error.httpStatus : 500;
    throw error;
  }
}

function registerParsed(sandbox: SandboxContext, call: RouteCall, sessionId: string, json: unknown): Reply {
  sandbox.sync();
  // From here on everything is synchronous: no other request can interleave between the
  // duplicate check and the write.
  const { state } = sandbox;
  const session = findSession(state, sessionId);
  const body = validateRegistrationShape(json);
  const event = state.events.find((e) => e.id === session.attributes.event_id);
  if (!event) throw new HttpError(404, `Event of session ${sessionId} not found`);
  const person = buildRegistration(body, {
    event,
    session,
    sessionPeople: state.people.filter((p) => p.attributes.registrant_detail.session_id === sessionId),
    nowS: Math.floor(call.nowMs / 1000),
  });
  state.people.push(person);
  session.attributes.registrants_count += 1;
  try {
    sandbox.persist();
  } catch (error) {
    // Never acknowledge a registration that is not on disk.
    state.people.pop();
    session.attributes.registrants_count -= 1;
    throw error;
  }
  sandbox.emit('people.registered', renderPerson(person));
  return ok({ data: renderPerson(person) }, 201);
}

export const peopleRoutes: RouteDefinition<SandboxContext>[] = [
  route('GET', '/sessions/:id/people', listSessionPeople),
  route('POST', '/sessions/:id/people', register),
];
