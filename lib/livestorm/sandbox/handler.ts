import { z } from 'zod';
import {
  HttpError,
  JSONAPI_CONTENT_TYPE,
  badRequest,
  booleanFilter,
  enumFilter,
  errorBody,
  paginate,
  parseJsonBody,
  readFilters,
  readIncludes,
  timestampFilter,
  type Reply,
} from './jsonapi';
import { buildRegistration, validateRegistrationShape } from './registration';
import {
  renderEvent,
  renderOrganization,
  renderPeopleAttribute,
  renderPerson,
  renderSession,
  schedulingStatus,
  sessionsByEvent,
  sortSessions,
} from './render';
import { createSeedState, newEvent, newSession } from './seed';
import { loadState, rebaseState, saveState, stateFileStamp } from './store';
import { DAY_MS, parseTimestampFilter } from './time';
import type { WebhookEvent } from '../webhooks';
import { slugify } from './ids';
import { WebhookDispatcher, buildSubscription, renderWebhook } from './webhooks';
import {
  EVENT_STATUSES,
  PEOPLE_ATTRIBUTE_TYPES,
  SCHEDULING_STATUSES,
  SESSION_STATUSES,
  type JsonApiResource,
  type SandboxState,
  type SessionRecord,
} from './types';

export interface EngineConfig {
  token: string;
  dataDir: string | null;
  now: () => number;
  requestsPerSecond: number;
  monthlyQuota: number;
  /** Signs webhook deliveries (`x-livestorm-signature`). */
  webhookSecret: string;
  /** Sends webhook deliveries; tests route them in-process. */
  webhookTransport: (request: Request) => Promise<Response>;
  webhookRetryDelaysMs: readonly number[];
}

export interface SandboxStats {
  requests: number;
  byRoute: Record<string, number>;
  /** Requests refused with 429 for exceeding the per-second limit. */
  throttled: number;
  /** Most API requests that arrived within any 1,000 ms (sliding window over recent arrivals). */
  peakPerSecond: number;
}

/** A registration body as it reached the sandbox, for tests that check the exact wire format. */
export interface ReceivedRegistration {
  sessionId: string;
  receivedAt: number;
  status: number;
  body: unknown;
}

const MAX_ARRIVALS = 5_000;
const MAX_RECEIVED = 500;

/** The largest number of timestamps (sorted ascending) falling within any `windowMs` span. */
export function peakInWindow(times: readonly number[], windowMs: number): number {
  let peak = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while (times[end]! - times[start]! >= windowMs) start += 1;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

const QUOTA_PERIOD_MS = 30 * DAY_MS;
/** Throttle for persisting the monthly counter alone (registrations are written synchronously). */
const COUNTER_SAVE_INTERVAL_MS = 1000;

interface RouteContext {
  request: Request;
  query: URLSearchParams;
  nowMs: number;
}

interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  run: (ctx: RouteContext, params: string[]) => Reply | Promise<Reply>;
}

type Resolved =
  | { kind: 'api'; path: string }
  | { kind: 'control'; path: string }
  | { kind: 'outside' };

/** Accepts any origin and any prefix: the API is whatever follows the first `/v1` segment. */
function resolvePath(pathname: string): Resolved {
  const segments = pathname.split('/');
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i];
    if (segment === 'v1' || segment === '__sandbox') {
      const path = `/${segments.slice(i + 1).join('/')}`.replace(/\/+$/, '') || '/';
      return { kind: segment === 'v1' ? 'api' : 'control', path };
    }
  }
  return { kind: 'outside' };
}

function compile(method: string, pattern: string, run: Route['run']): Route {
  const source = pattern
    .split('/')
    .map((part) => (part.startsWith(':') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { method, pattern, regex: new RegExp(`^${source}$`), run };
}

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badRequest('Malformed path parameter');
  }
}

function matchRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: string[] } | { allowed: string[]; pattern: string } | null {
  const allowed: string[] = [];
  let pattern = '';
  for (const route of routes) {
    const m = route.regex.exec(path);
    if (!m) continue;
    if (route.method === method) return { route, params: m.slice(1).map((p) => decodeParam(p ?? '')) };
    allowed.push(route.method);
    pattern = route.pattern;
  }
  return allowed.length > 0 ? { allowed, pattern } : null;
}

const ok = (body: unknown, status = 200): Reply => ({ status, body });

const OutageSchema = z.object({
  status: z.number().int().refine((s) => s === 0 || (s >= 400 && s <= 599), 'status must be 0 or an HTTP error code (400-599)'),
  count: z.number().int().nonnegative().optional(),
});

const SessionStatusChangeSchema = z.object({ status: z.enum(['upcoming', 'live', 'past', 'canceled', 'draft']) });

function isTimeZoneName(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

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

export class SandboxEngine {
  private state: SandboxState;
  private statsData = { requests: 0, byRoute: {} as Record<string, number>, throttled: 0 };
  private arrivals: number[] = [];
  private received: ReceivedRegistration[] = [];
  private interval = { second: -1, count: 0 };
  /** `remaining: null` = until cleared */
  private outage: { status: number; remaining: number | null } | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private lastSaveRealMs = 0;
  private counterDirty = false;
  /** stamp of the state file as last read or written by this instance */
  private fileStamp: string | null = null;
  private readonly apiRoutes: Route[];
  private readonly controlRoutes: Route[];
  private readonly webhooks: WebhookDispatcher;

  constructor(private readonly config: EngineConfig) {
    this.state = this.loadOrSeed();
    this.webhooks = new WebhookDispatcher({
      secret: config.webhookSecret,
      now: config.now,
      transport: config.webhookTransport,
      retryDelaysMs: config.webhookRetryDelaysMs,
    });
    this.apiRoutes = [
      compile('GET', '/ping', () => ok(null)),
      compile('GET', '/organization', () => ok({ data: renderOrganization(this.state.organization) })),
      compile('GET', '/events', (ctx) => this.listEvents(ctx)),
      compile('GET', '/events/:id', (ctx, [id]) => this.showEvent(ctx, id ?? '')),
      compile('GET', '/events/:id/sessions', (ctx, [id]) => this.listSessions(ctx, id ?? null)),
      compile('GET', '/sessions', (ctx) => this.listSessions(ctx, null)),
      compile('GET', '/sessions/:id', (ctx, [id]) => this.showSession(ctx, id ?? '')),
      compile('GET', '/sessions/:id/people', (ctx, [id]) => this.listSessionPeople(ctx, id ?? '')),
      compile('POST', '/sessions/:id/people', (ctx, [id]) => this.register(ctx, id ?? '')),
      compile('GET', '/people_attributes', (ctx) => this.listPeopleAttributes(ctx)),
      compile('GET', '/webhooks', (ctx) => this.listWebhooks(ctx)),
      compile('POST', '/webhooks', (ctx) => this.createWebhook(ctx)),
      compile('GET', '/webhooks/:id', (_ctx, [id]) => ok({ data: renderWebhook(this.findWebhook(id ?? '')) })),
      compile('DELETE', '/webhooks/:id', (_ctx, [id]) => this.deleteWebhook(id ?? '')),
    ];
    this.controlRoutes = [
      compile('GET', '/stats', (ctx) => ok(this.stats(Number(ctx.query.get('since') ?? 0) || 0))),
      compile('GET', '/registrations', () => ok({ data: [...this.received] })),
      compile('POST', '/reset', (ctx) => this.reset(ctx)),
      compile('POST', '/outage', (ctx) => this.setOutage(ctx)),
      compile('POST', '/sessions/:id/status', (ctx, [id]) => this.changeSessionStatus(ctx, id ?? '')),
      compile('POST', '/events', (ctx) => this.createEvent(ctx)),
      compile('POST', '/events/:id/publish', (ctx, [id]) => this.publishEvent(ctx, id ?? '')),
      compile('POST', '/events/:id/sessions', (ctx, [id]) => this.createSession(ctx, id ?? '')),
      compile('GET', '/webhook-deliveries', () => ok({ data: this.webhooks.list() })),
    ];
  }

  /** `sinceMs` limits the peak to arrivals from then on (a test's own time window). */
  stats(sinceMs = 0): SandboxStats {
    return {
      requests: this.statsData.requests,
      byRoute: { ...this.statsData.byRoute },
      throttled: this.statsData.throttled,
      peakPerSecond: peakInWindow(sinceMs > 0 ? this.arrivals.filter((t) => t >= sinceMs) : this.arrivals, 1000),
    };
  }

  /** Resolves once every webhook delivery under way has settled, retries included (for tests). */
  webhooksIdle(): Promise<void> {
    return this.webhooks.idle();
  }

  /** Writes any pending (throttled) counter change now. */
  flush(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    if (this.counterDirty) this.persistQuietly();
  }

  async handle(request: Request): Promise<Response> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return this.toResponse({ status: 400, body: errorBody(400, 'Invalid request URL') }, null);
    }
    const resolved = resolvePath(url.pathname);
    const method = request.method.toUpperCase();
    try {
      if (resolved.kind !== 'outside') this.syncFromDisk();
      if (resolved.kind === 'control') return await this.handleControl(request, url, method, resolved.path);
      if (resolved.kind === 'outside') {
        return this.toResponse(new HttpError(404, `No route for ${url.pathname}; the API lives under /v1`).toReply(), null);
      }
      return await this.handleApi(request, url, method, resolved.path);
    } catch (error) {
      const reply =
        error instanceof HttpError ? error.toReply() : { status: 500, body: errorBody(500, 'Unexpected sandbox error') };
      if (!(error instanceof HttpError)) console.error('[livestorm-sandbox]', error);
      return resolved.kind === 'api'
        ? this.toResponse(reply, this.config.now())
        : this.toResponse(reply, null, resolved.kind === 'control' ? 'application/json' : JSONAPI_CONTENT_TYPE);
    }
  }

  // -------------------------------------------------------------------------------------------
  // State

  private loadOrSeed(): SandboxState {
    const nowMs = this.config.now();
    const { dataDir } = this.config;
    if (dataDir) {
      const loaded = loadState(dataDir);
      if (loaded.kind === 'loaded') {
        if (rebaseState(loaded.state, nowMs)) saveState(dataDir, loaded.state);
        this.lastSaveRealMs = Date.now();
        this.fileStamp = stateFileStamp(dataDir);
        return loaded.state;
      }
      if (loaded.kind === 'invalid') console.warn(`[livestorm-sandbox] ignoring invalid state file: ${loaded.reason}`);
    }
    const state = createSeedState(nowMs);
    if (dataDir) {
      saveState(dataDir, state);
      this.fileStamp = stateFileStamp(dataDir);
    }
    this.lastSaveRealMs = Date.now();
    return state;
  }

  /**
   * Another sandbox on the same folder (a second process, or a module re-instantiated by hot reload)
   * may have written since we last did: adopt its state rather than overwrite its registrations.
   */
  private syncFromDisk(): void {
    const { dataDir } = this.config;
    if (!dataDir) return;
    const stamp = stateFileStamp(dataDir);
    if (stamp === null || stamp === this.fileStamp) return;
    const loaded = loadState(dataDir);
    if (loaded.kind === 'loaded') this.state = loaded.state;
    else if (loaded.kind === 'invalid') console.warn(`[livestorm-sandbox] ignoring invalid state file: ${loaded.reason}`);
    this.fileStamp = stateFileStamp(dataDir);
  }

  private persist(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    if (this.config.dataDir) {
      saveState(this.config.dataDir, this.state);
      this.fileStamp = stateFileStamp(this.config.dataDir);
    }
    this.lastSaveRealMs = Date.now();
    this.counterDirty = false;
  }

  private persistCounterSoon(): void {
    if (!this.config.dataDir) return;
    this.counterDirty = true;
    const since = Date.now() - this.lastSaveRealMs;
    if (since >= COUNTER_SAVE_INTERVAL_MS) {
      this.persistQuietly();
      return;
    }
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      if (this.counterDirty) this.persistQuietly();
    }, COUNTER_SAVE_INTERVAL_MS - since);
    this.saveTimer.unref();
  }

  /** Counter-only write; skipped when another instance wrote the file since (its state wins). */
  private persistQuietly(): void {
    try {
      const { dataDir } = this.config;
      const stamp = dataDir ? stateFileStamp(dataDir) : null;
      if (stamp !== null && stamp !== this.fileStamp) {
        this.counterDirty = false;
        return;
      }
      this.persist();
    } catch (error) {
      console.warn('[livestorm-sandbox] could not persist the quota counter:', error);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Limits

  private quotaView(nowMs: number): { used: number; periodStart: number | null } {
    const q = this.state.quota;
    if (q.periodStart === null || nowMs >= q.periodStart + QUOTA_PERIOD_MS) return { used: 0, periodStart: null };
    return { used: q.used, periodStart: q.periodStart };
  }

  private rateHeaders(nowMs: number): Record<string, string> {
    const second = Math.floor(nowMs / 1000);
    const used = this.interval.second === second ? this.interval.count : 0;
    return {
      'RateLimit-Monthly-Limit': String(this.config.monthlyQuota),
      'RateLimit-Monthly-Remaining': String(Math.max(0, this.config.monthlyQuota - this.quotaView(nowMs).used)),
      'RateLimit-Interval-Limit': String(this.config.requestsPerSecond),
      'RateLimit-Interval-Remaining': String(Math.max(0, this.config.requestsPerSecond - used)),
    };
  }

  /** Returns a 429 reply, or null after consuming one call from both budgets. */
  private consumeRateLimits(nowMs: number): Reply | null {
    const quota = this.quotaView(nowMs);
    if (quota.periodStart !== null && quota.used >= this.config.monthlyQuota) {
      const reset = Math.ceil((quota.periodStart + QUOTA_PERIOD_MS) / 1000);
      return {
        status: 429,
        body: errorBody(429, `Monthly quota of ${this.config.monthlyQuota} API calls reached; it resets at ${reset} (Unix time)`),
        headers: { 'Retry-After': String(Math.max(1, reset - Math.floor(nowMs / 1000))), 'RateLimit-Reset': String(reset) },
      };
    }
    const second = Math.floor(nowMs / 1000);
    if (this.interval.second !== second) this.interval = { second, count: 0 };
    if (this.interval.count >= this.config.requestsPerSecond) {
      this.statsData.throttled += 1;
      return {
        status: 429,
        body: errorBody(429, `Rate limit exceeded: at most ${this.config.requestsPerSecond} requests per second`),
        headers: { 'Retry-After': '1' },
      };
    }
    this.interval.count += 1;
    if (quota.periodStart === null) this.state.quota = { periodStart: nowMs, used: 1 };
    else this.state.quota.used += 1;
    this.persistCounterSoon();
    return null;
  }

  // -------------------------------------------------------------------------------------------
  // Dispatch

  private toResponse(reply: Reply, rateNowMs: number | null, contentType = JSONAPI_CONTENT_TYPE): Response {
    const headers = new Headers(reply.headers);
    if (rateNowMs !== null) {
      for (const [name, value] of Object.entries(this.rateHeaders(rateNowMs))) headers.set(name, value);
    }
    if (reply.body === null) return new Response(null, { status: reply.status, headers });
    headers.set('Content-Type', contentType);
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
  }

  private async handleApi(request: Request, url: URL, method: string, path: string): Promise<Response> {
    const nowMs = this.config.now();
    if (rebaseState(this.state, nowMs)) this.persist();

    const match = matchRoute(this.apiRoutes, method, path);
    const routeKey = match === null ? `${method} (unmatched)` : `${method} ${'route' in match ? match.route.pattern : match.pattern}`;
    this.statsData.requests += 1;
    this.statsData.byRoute[routeKey] = (this.statsData.byRoute[routeKey] ?? 0) + 1;
    this.arrivals.push(nowMs);
    if (this.arrivals.length > MAX_ARRIVALS) this.arrivals.splice(0, this.arrivals.length - MAX_ARRIVALS);

    if (this.outage) {
      const { status } = this.outage;
      if (this.outage.remaining !== null) {
        this.outage.remaining -= 1;
        if (this.outage.remaining <= 0) this.outage = null;
      }
      return this.toResponse({ status, body: errorBody(status, 'Simulated Livestorm outage (sandbox control route)') }, nowMs);
    }

    const auth = request.headers.get('authorization');
    if (auth === null || auth !== this.config.token) {
      // A Bearer value goes down Livestorm's OAuth2 (Doorkeeper) path, which answers with this header.
      const headers: Record<string, string> =
        auth !== null && /^bearer\s/i.test(auth) ? { 'WWW-Authenticate': 'Bearer realm="Doorkeeper", error="invalid_token"' } : {};
      return this.toResponse(new HttpError(401, 'Invalid API token', headers).toReply(), nowMs);
    }

    const limited = this.consumeRateLimits(nowMs);
    if (limited) return this.toResponse(limited, nowMs);

    if (match === null) return this.toResponse(new HttpError(404, `No API route for ${method} ${path}`).toReply(), nowMs);
    if (!('route' in match)) {
      return this.toResponse(
        new HttpError(405, `${method} is not allowed on ${match.pattern}`, { Allow: match.allowed.join(', ') }).toReply(),
        nowMs,
      );
    }
    const reply = await match.route.run({ request, query: url.searchParams, nowMs }, match.params);
    return this.toResponse(reply, nowMs);
  }

  private async handleControl(request: Request, url: URL, method: string, path: string): Promise<Response> {
    const match = matchRoute(this.controlRoutes, method, path);
    let reply: Reply;
    if (match === null) reply = new HttpError(404, `No sandbox control route for ${method} ${path}`).toReply();
    else if (!('route' in match)) {
      reply = new HttpError(405, `${method} is not allowed on /__sandbox${match.pattern}`, { Allow: match.allowed.join(', ') }).toReply();
    } else {
      reply = await match.route.run({ request, query: url.searchParams, nowMs: this.config.now() }, match.params);
    }
    return this.toResponse(reply, null, 'application/json');
  }

  // -------------------------------------------------------------------------------------------
  // API routes

  private listEvents(ctx: RouteContext): Reply {
    const filters = readFilters(ctx.query, [
      'title',
      'scheduling_status',
      'everyone_can_speak',
      'created_since',
      'created_until',
      'updated_since',
      'updated_until',
    ]);
    const includes = readIncludes(ctx.query, ['sessions']);
    const title = filters.get('title')?.trim().toLowerCase() ?? null;
    const scheduling = enumFilter(filters, 'scheduling_status', SCHEDULING_STATUSES);
    const everyoneCanSpeak = booleanFilter(filters, 'everyone_can_speak');
    const inTimeWindow = timeWindowFilter(filters);

    const byEvent = sessionsByEvent(this.state);
    const events = this.state.events
      .filter((event) => {
        const a = event.attributes;
        if (title !== null && !a.title.toLowerCase().includes(title)) return false;
        if (scheduling !== null && schedulingStatus(event, byEvent.get(event.id) ?? []) !== scheduling) return false;
        if (everyoneCanSpeak !== null && a.everyone_can_speak !== everyoneCanSpeak) return false;
        if (!inTimeWindow(a)) return false;
        return true;
      })
      .sort((a, b) => a.attributes.created_at - b.attributes.created_at || a.id.localeCompare(b.id));

    const page = paginate(events, ctx.query);
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

  private showEvent(ctx: RouteContext, id: string): Reply {
    const includes = readIncludes(ctx.query, ['sessions']);
    const event = this.state.events.find((e) => e.id === id);
    if (!event) throw new HttpError(404, `Event ${id} not found`);
    const sessions = sessionsByEvent(this.state).get(event.id) ?? [];
    const data = renderEvent(event, sessions, includes.has('sessions'));
    if (!includes.has('sessions')) return ok({ data });
    return ok({ data, included: sessions.map((s) => renderSession(s, false)) });
  }

  private listSessions(ctx: RouteContext, eventId: string | null): Reply {
    const filters = readFilters(ctx.query, [
      'status',
      'date_from',
      'date_to',
      'created_since',
      'created_until',
      'updated_since',
      'updated_until',
    ]);
    const includes = readIncludes(ctx.query, ['event']);
    if (eventId !== null && !this.state.events.some((e) => e.id === eventId)) {
      throw new HttpError(404, `Event ${eventId} not found`);
    }
    const status = enumFilter(filters, 'status', SESSION_STATUSES);
    const dateFrom = timestampFilter(filters, 'date_from');
    const dateTo = timestampFilter(filters, 'date_to');
    const inTimeWindow = timeWindowFilter(filters);

    const sessions = sortSessions(
      this.state.sessions.filter((session) => {
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
    const page = paginate(sessions, ctx.query);
    const withEvent = includes.has('event');
    const data = page.items.map((s) => renderSession(s, withEvent));
    if (!withEvent) return ok({ data, meta: page.meta });
    return ok({ data, included: this.includedEvents(page.items), meta: page.meta });
  }

  private includedEvents(sessions: readonly SessionRecord[]): JsonApiResource[] {
    const byEvent = sessionsByEvent(this.state);
    const ids = [...new Set(sessions.map((s) => s.attributes.event_id))];
    return ids.flatMap((id) => {
      const event = this.state.events.find((e) => e.id === id);
      return event ? [renderEvent(event, byEvent.get(id) ?? [], false)] : [];
    });
  }

  private showSession(ctx: RouteContext, id: string): Reply {
    const includes = readIncludes(ctx.query, ['event']);
    const session = this.state.sessions.find((s) => s.id === id);
    if (!session) throw new HttpError(404, `Session ${id} not found`);
    const withEvent = includes.has('event');
    const data = renderSession(session, withEvent);
    return ok(withEvent ? { data, included: this.includedEvents([session]) } : { data });
  }

  private listSessionPeople(ctx: RouteContext, sessionId: string): Reply {
    const filters = readFilters(ctx.query, [
      'email',
      'role',
      'attended',
      'created_since',
      'created_until',
      'updated_since',
      'updated_until',
    ]);
    readIncludes(ctx.query, []);
    if (!this.state.sessions.some((s) => s.id === sessionId)) throw new HttpError(404, `Session ${sessionId} not found`);
    const email = filters.get('email')?.trim().toLowerCase() ?? null;
    const role = enumFilter(filters, 'role', ['participant', 'team_member'] as const);
    const attended = booleanFilter(filters, 'attended');
    const inTimeWindow = timeWindowFilter(filters);
    const people = this.state.people
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
    const page = paginate(people, ctx.query);
    return ok({ data: page.items.map(renderPerson), meta: page.meta });
  }

  private listPeopleAttributes(ctx: RouteContext): Reply {
    const filters = readFilters(ctx.query, ['slug', 'name', 'type', 'builtin']);
    const slug = filters.get('slug')?.trim() ?? null;
    const name = filters.get('name')?.trim().toLowerCase() ?? null;
    const type = enumFilter(filters, 'type', PEOPLE_ATTRIBUTE_TYPES);
    const builtin = booleanFilter(filters, 'builtin');
    const records = this.state.peopleAttributes.filter((r) => {
      const a = r.attributes;
      if (slug !== null && a.slug !== slug) return false;
      if (name !== null && !a.name.toLowerCase().includes(name)) return false;
      if (type !== null && a.type !== type) return false;
      if (builtin !== null && a.builtin !== builtin) return false;
      return true;
    });
    const page = paginate(records, ctx.query);
    return ok({ data: page.items.map(renderPeopleAttribute), meta: page.meta });
  }

  private async register(ctx: RouteContext, sessionId: string): Promise<Reply> {
    const json = parseJsonBody(ctx.request.headers.get('content-type'), await ctx.request.text());
    const record: ReceivedRegistration = { sessionId, receivedAt: ctx.nowMs, status: 500, body: json };
    this.received.push(record);
    if (this.received.length > MAX_RECEIVED) this.received.shift();
    try {
      const reply = this.registerParsed(ctx, sessionId, json);
      record.status = reply.status;
      return reply;
    } catch (error) {
      record.status = error instanceof HttpError ? error.httpStatus : 500;
      throw error;
    }
  }

  private registerParsed(ctx: RouteContext, sessionId: string, json: unknown): Reply {
    this.syncFromDisk();
    // From here on everything is synchronous: no other request can interleave between the
    // duplicate check and the write.
    const session = this.state.sessions.find((s) => s.id === sessionId);
    if (!session) throw new HttpError(404, `Session ${sessionId} not found`);
    const body = validateRegistrationShape(json);
    const event = this.state.events.find((e) => e.id === session.attributes.event_id);
    if (!event) throw new HttpError(404, `Event of session ${sessionId} not found`);
    const person = buildRegistration(body, {
      event,
      session,
      sessionPeople: this.state.people.filter((p) => p.attributes.registrant_detail.session_id === sessionId),
      nowS: Math.floor(ctx.nowMs / 1000),
    });
    this.state.people.push(person);
    session.attributes.registrants_count += 1;
    try {
      this.persist();
    } catch (error) {
      // Never acknowledge a registration that is not on disk.
      this.state.people.pop();
      session.attributes.registrants_count -= 1;
      throw error;
    }
    this.emit('people.registered', renderPerson(person));
    return ok({ data: renderPerson(person) }, 201);
  }

  // -------------------------------------------------------------------------------------------
  // Control routes (no auth, not counted)

  private reset(ctx: RouteContext): Reply {
    this.state = createSeedState(ctx.nowMs);
    this.statsData = { requests: 0, byRoute: {}, throttled: 0 };
    this.arrivals = [];
    this.received = [];
    this.interval = { second: -1, count: 0 };
    this.outage = null;
    this.webhooks.clear();
    this.persist();
    return ok({ reset: true, anchor: this.state.anchor });
  }

  private async readControlJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
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

  private async setOutage(ctx: RouteContext): Promise<Reply> {
    const { status, count } = await this.readControlJson(ctx.request, OutageSchema);
    this.outage = status === 0 || count === 0 ? null : { status, remaining: count ?? null };
    return ok({ outage: this.outage });
  }

  private async changeSessionStatus(ctx: RouteContext, id: string): Promise<Reply> {
    const { status } = await this.readControlJson(ctx.request, SessionStatusChangeSchema);
    const session = this.state.sessions.find((s) => s.id === id);
    if (!session) throw new HttpError(404, `Session ${id} not found`);
    const a = session.attributes;
    const previous = a.status;
    const nowS = Math.floor(ctx.nowMs / 1000);
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
    this.persist();
    if (status !== previous && status === 'live') this.emit('session.started', renderSession(session, false));
    if (status !== previous && status === 'past') this.emit('session.ended', renderSession(session, false));
    return ok({ data: renderSession(session, false) });
  }

  private async createEvent(ctx: RouteContext): Promise<Reply> {
    const input = await this.readControlJson(ctx.request, NewEventSchema);
    const base = slugify(input.title) || 'event';
    let slug = base;
    for (let n = 2; this.state.events.some((e) => e.attributes.slug === slug); n += 1) slug = `${base}-${n}`;
    const event = newEvent({ ...input, slug }, Math.floor(ctx.nowMs / 1000));
    this.state.events.push(event);
    this.persist();
    this.emit('event.created', renderEvent(event, [], false));
    if (event.attributes.status === 'published') this.emit('event.published', renderEvent(event, [], false));
    return ok({ data: renderEvent(event, [], false) });
  }

  private publishEvent(ctx: RouteContext, id: string): Reply {
    const event = this.findEvent(id);
    const sessions = sessionsByEvent(this.state).get(id) ?? [];
    if (event.attributes.status === 'published') return ok({ data: renderEvent(event, sessions, false) });
    const nowS = Math.floor(ctx.nowMs / 1000);
    Object.assign(event.attributes, { status: 'published', published_at: nowS, updated_at: Math.max(event.attributes.updated_at, nowS) });
    this.persist();
    this.emit('event.published', renderEvent(event, sessions, false));
    return ok({ data: renderEvent(event, sessions, false) });
  }

  private async createSession(ctx: RouteContext, eventId: string): Promise<Reply> {
    const input = await this.readControlJson(ctx.request, NewSessionSchema);
    const event = this.findEvent(eventId);
    const session = newSession(event, { startsAtS: input.startsAt, timezone: input.timezone, name: input.name }, Math.floor(ctx.nowMs / 1000));
    this.state.sessions.push(session);
    this.persist();
    this.emit('session.created', renderSession(session, false));
    return ok({ data: renderSession(session, false) });
  }

  private findEvent(id: string) {
    const event = this.state.events.find((e) => e.id === id);
    if (!event) throw new HttpError(404, `Event ${id} not found`);
    return event;
  }

  // -------------------------------------------------------------------------------------------
  // Webhooks

  /** Delivers to every subscription for this event, in the background. */
  private emit(event: WebhookEvent, resource: JsonApiResource): void {
    this.webhooks.dispatch(this.state.webhooks, event, resource, this.state.organization.id);
  }

  private listWebhooks(ctx: RouteContext): Reply {
    readFilters(ctx.query, []);
    // Stable: subscriptions created within the same second stay in creation order.
    const records = [...this.state.webhooks].sort((a, b) => a.attributes.created_at - b.attributes.created_at);
    const page = paginate(records, ctx.query);
    return ok({ data: page.items.map(renderWebhook), meta: page.meta });
  }

  private async createWebhook(ctx: RouteContext): Promise<Reply> {
    const json = parseJsonBody(ctx.request.headers.get('content-type'), await ctx.request.text());
    const record = buildSubscription(json, Math.floor(ctx.nowMs / 1000));
    this.syncFromDisk();
    this.state.webhooks.push(record);
    this.persist();
    return ok({ data: renderWebhook(record) }, 201);
  }

  private findWebhook(id: string) {
    const record = this.state.webhooks.find((w) => w.id === id);
    if (!record) throw new HttpError(404, `Webhook ${id} not found`);
    return record;
  }

  private deleteWebhook(id: string): Reply {
    const record = this.findWebhook(id);
    this.state.webhooks = this.state.webhooks.filter((w) => w !== record);
    this.persist();
    return { status: 204, body: null };
  }
}

/** The created_since/until and updated_since/until filters every list endpoint shares. */
function timeWindowFilter(filters: Parameters<typeof timestampFilter>[0]) {
  const createdSince = timestampFilter(filters, 'created_since');
  const createdUntil = timestampFilter(filters, 'created_until');
  const updatedSince = timestampFilter(filters, 'updated_since');
  const updatedUntil = timestampFilter(filters, 'updated_until');
  return (a: { created_at: number; updated_at: number }): boolean =>
    (createdSince === null || a.created_at >= createdSince) &&
    (createdUntil === null || a.created_at <= createdUntil) &&
    (updatedSince === null || a.updated_at >= updatedSince) &&
    (updatedUntil === null || a.updated_at <= updatedUntil);
}
