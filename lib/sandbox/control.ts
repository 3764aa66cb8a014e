import { z } from 'zod';
import type { ControlContext } from './context';
import { HttpError, badRequest, ok, type Reply } from './jsonapi';
import { renderEvent, renderSession, sessionsByEvent } from './render';
import { findEvent } from './resources/events';
import { findSession } from './resources/sessions';
import { route, type RouteCall, type RouteDefinition } from './router';
import { EVENT_STATUSES } from './schema';
import { slugify } from './ids';
import { newEvent, newSession } from './seed/records';
import { isTimeZoneName, parseTimestampFilter } from './time';

// Control routes under /__sandbox, for tests, benchmarks and demos: no auth, not counted in stats,
// plain JSON. They do what only Livestorm's own UI can do (create and publish events, schedule
// sessions, move a session live), and send the webhooks Livestorm would. docs/sandbox.md lists them.

const OutageSchema = z.object({
  status: z.number().int().refine((s) => s === 0 || (s >= 400 && s <= 599), 'status must be 0 or an HTTP error code (400-599)'),
  count: z.number().int().nonnegative().optional(),
});

const SessionStatusChangeSchema = z.object({ status: z.enum(['upcoming', 'live', 'past', 'canceled', 'draft']) });

const NewEventSchema = z.object({
  title: z.string().trim().min(1).max(200),
  status: z.enum(EVENT_STATUSES).default('draft'),
  listed: z.boolean().default(true),
  language: z.string().length(2).default('en'),
  duration: z.number().int().min(5).max(600).default(60),
  description: z.string().nullable().default(null),
});

const NewSessionSchema = z.object({
  /** Unix seconds or ISO 8601, as the API's filters take them. */
  startsAt: z.union([z.number().int().positive(), z.string()]).transform((value, ctx) => {
    const seconds = typeof value === 'number' ? value : parseTimestampFilter(value);
    if (seconds === null) {
      ctx.addIssue({ code: 'custom', message: 'must be Unix seconds or an ISO-8601 date' });
      return z.NEVER;
    }
    return seconds;
  }),
  timezone: z.string().default('UTC').refine(isTimeZoneName, 'must be an IANA time zone'),
  name: z.string().trim().max(200).nullable().default(null),
});

/** Control bodies are plain JSON whatever the Content-Type: 400 if unparsable, 422 if refused. */
async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse(await request.text()) as unknown;
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HttpError(422, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

async function setOutage(sandbox: ControlContext, call: RouteCall): Promise<Reply> {
  const { status, count } = await readJson(call.request, OutageSchema);
  const outage = status === 0 || count === 0 ? null : { status, remaining: count ?? null };
  sandbox.setOutage(outage);
  return ok({ outage });
}

/** Moves a session to a status with the timestamps Livestorm would show; live/past send their webhook. */
async function changeSessionStatus(sandbox: ControlContext, call: RouteCall): Promise<Reply> {
  const { status } = await readJson(call.request, SessionStatusChangeSchema);
  const session = findSession(sandbox.state, call.params[0] ?? '');
  const a = session.attributes;
  const previous = a.status;
  const nowS = Math.floor(call.nowMs / 1000);
  switch (status) {
    case 'upcoming':
    case 'draft':
      Object.assign(a, { started_at: 0, ended_at: 0, canceled_at: 0, duration: null });
      break;
    case 'live':
      Object.assign(a, { started_at: a.status === 'live' && a.started_at ? a.started_at : nowS, ended_at: 0, canceled_at: 0, duration: null });
      break;
    case 'past': {
      const startedAt = a.started_at || Math.min(a.estimated_started_at, nowS);
      const endedAt = Math.max(nowS, startedAt);
      Object.assign(a, { started_at: startedAt, ended_at: endedAt, canceled_at: 0, duration: endedAt - startedAt });
      break;
    }
    case 'canceled':
      Object.assign(a, { started_at: 0, ended_at: 0, canceled_at: nowS, duration: null });
      break;
  }
  a.status = status;
  a.updated_at = Math.max(a.updated_at, nowS);
  sandbox.persist();
  if (status !== previous && status === 'live') sandbox.emit('session.started', renderSession(session, false));
  if (status !== previous && status === 'past') sandbox.emit('session.ended', renderSession(session, false));
  return ok({ data: renderSession(session, false) });
}

async function createEvent(sandbox: ControlContext, call: RouteCall): Promise<Reply> {
  const input = await readJson(call.request, NewEventSchema);
  const base = slugify(input.title) || 'event';
  let slug = base;
  for (let n = 2; sandbox.state.events.some((e) => e.attributes.slug === slug); n += 1) slug = `${base}-${n}`;
  const event = newEvent({ ...input, slug }, Math.floor(call.nowMs / 1000));
  sandbox.state.events.push(event);
  sandbox.persist();
  sandbox.emit('event.created', renderEvent(event, [], false));
  if (event.attributes.status === 'published') sandbox.emit('event.published', renderEvent(event, [], false));
  return ok({ data: renderEvent(event, [], false) });
}

/** Publishes a draft once; publishing a published event changes nothing and sends nothing. */
function publishEvent(sandbox: ControlContext, call: RouteCall): Reply {
  const id = call.params[0] ?? '';
  const event = findEvent(sandbox.state, id);
  const sessions = sessionsByEvent(sandbox.state).get(id) ?? [];
  if (event.attributes.status === 'published') return ok({ data: renderEvent(event, sessions, false) });
  const nowS = Math.floor(call.nowMs / 1000);
  Object.assign(event.attributes, { status: 'published', published_at: nowS, updated_at: Math.max(event.attributes.updated_at, nowS) });
  sandbox.persist();
  sandbox.emit('event.published', renderEvent(event, sessions, false));
  return ok({ data: renderEvent(event, sessions, false) });
}

async function createSession(sandbox: ControlContext, call: RouteCall): Promise<Reply> {
  const input = await readJson(call.request, NewSessionSchema);
  const event = findEvent(sandbox.state, call.params[0] ?? '');
  const session = newSession(event, { startsAtS: input.startsAt, timezone: input.timezone, name: input.name }, Math.floor(call.nowMs / 1000));
  sandbox.state.sessions.push(session);
  sandbox.persist();
  sandbox.emit('session.created', renderSession(session, false));
  return ok({ data: renderSession(session, false) });
}

export const CONTROL_ROUTES: readonly RouteDefinition<ControlContext>[] = [
  route('GET', '/stats', (sandbox, call) => ok(sandbox.stats(Number(call.query.get('since') ?? 0) || 0))),
  route('GET', '/registrations', (sandbox) => ok({ data: [...sandbox.received] })),
  route('POST', '/reset', (sandbox, call) => ok({ reset: true, anchor: sandbox.reset(call.nowMs) })),
  route('POST', '/outage', setOutage),
  route('POST', '/sessions/:id/status', changeSessionStatus),
  route('POST', '/events', createEvent),
  route('POST', '/events/:id/publish', publishEvent),
  route('POST', '/events/:id/sessions', createSession),
  route('GET', '/webhook-deliveries', (sandbox) => ok({ data: sandbox.deliveries() })),
];
