import type { ControlContext, ReceivedRegistration } from './context';
import { CONTROL_ROUTES } from './control';
import { HttpError, JSONAPI_CONTENT_TYPE, errorBody, type Reply } from './jsonapi';
import { Limits, type Outage, type SandboxStats } from './limits';
import { API_ROUTES } from './resources';
import { processNextTask, unfinishedJobs } from './resources/jobs';
import { Router, resolvePath, routeName } from './router';
import type { JsonApiResource, SandboxState } from './schema';
import { createSeedState } from './seed';
import { StateStore } from './state';
import { WebhookDispatcher, type WebhookDelivery } from './webhooks/dispatcher';
import type { WebhookEvent } from './webhooks/events';

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
  /** Time a bulk job spends on each task (Livestorm works through jobs in the background). */
  bulkTaskMs: number;
}

/**
 * Puts the parts together: a request is resolved to the API (/v1) or the control routes
 * (/__sandbox), goes through the API's checks in Livestorm's order (outage, token, rate limits,
 * then 404/405), runs its route, and its reply becomes a `Response`. It is also the context the
 * routes work on.
 */
export class SandboxEngine implements ControlContext {
  readonly received: ReceivedRegistration[] = [];
  private readonly store: StateStore;
  private readonly limits: Limits;
  private readonly webhooks: WebhookDispatcher;
  private readonly api = new Router(API_ROUTES, { missing: 'No API route', prefix: '' });
  private readonly control = new Router(CONTROL_ROUTES, { missing: 'No sandbox control route', prefix: '/__sandbox' });
  /** Bulk jobs being worked through; bumped by reset() so older timers stop. */
  private readonly runningJobs = new Map<string, Promise<void>>();
  private jobGeneration = 0;

  constructor(private readonly config: EngineConfig) {
    this.store = new StateStore(config.dataDir, config.now());
    this.limits = new Limits(config, this.store);
    this.webhooks = new WebhookDispatcher({
      secret: config.webhookSecret,
      now: config.now,
      transport: config.webhookTransport,
      retryDelaysMs: config.webhookRetryDelaysMs,
    });
    // Jobs a stopped sandbox left half done go on where they stopped.
    for (const id of unfinishedJobs(this.store.state)) this.startJob(id);
  }

  // -------------------------------------------------------------------------------------------
  // Context for the routes

  get state(): SandboxState {
    return this.store.state;
  }

  sync(): void {
    this.store.sync();
  }

  persist(): void {
    this.store.persist();
  }

  emit(event: WebhookEvent, resource: JsonApiResource): void {
    this.webhooks.dispatch(this.state.webhooks, event, resource, this.state.organization.id);
  }

  startJob(jobId: string): void {
    if (this.runningJobs.has(jobId)) return;
    const generation = this.jobGeneration;
    const run = (async () => {
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, this.config.bulkTaskMs).unref?.());
        if (generation !== this.jobGeneration) return;
        try {
          if (!processNextTask(this, jobId, this.config.now())) return;
        } catch (error) {
          console.error('[livestorm-sandbox] bulk job stopped', error);
          return;
        }
      }
    })().finally(() => this.runningJobs.delete(jobId));
    this.runningJobs.set(jobId, run);
  }

  /** Resolves once every bulk job under way has been worked through (for tests). */
  async jobsIdle(): Promise<void> {
    while (this.runningJobs.size > 0) await Promise.all([...this.runningJobs.values()]);
  }

  /** `sinceMs` limits the peak to arrivals from then on (a test's own time window). */
  stats(sinceMs = 0): SandboxStats {
    return this.limits.stats(sinceMs);
  }

  reset(nowMs: number): number {
    this.store.replace(createSeedState(nowMs));
    this.limits.reset();
    this.received.length = 0;
    this.jobGeneration += 1;
    this.webhooks.clear();
    this.persist();
    return this.state.anchor;
  }

  setOutage(outage: Outage | null): void {
    this.limits.setOutage(outage);
  }

  deliveries(): WebhookDelivery[] {
    return this.webhooks.list();
  }

  // -------------------------------------------------------------------------------------------
  // Public

  /** Resolves once every webhook delivery under way has settled, retries included (for tests). */
  webhooksIdle(): Promise<void> {
    return this.webhooks.idle();
  }

  /** Writes any pending (throttled) counter change now. */
  flush(): void {
    this.store.flush();
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
      if (resolved.kind !== 'outside') this.sync();
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
  // Dispatch

  /** `rateNowMs` adds the RateLimit-* headers (every /v1 answer has them). */
  private toResponse(reply: Reply, rateNowMs: number | null, contentType = JSONAPI_CONTENT_TYPE): Response {
    const headers = new Headers(reply.headers);
    if (rateNowMs !== null) {
      for (const [name, value] of Object.entries(this.limits.headers(rateNowMs))) headers.set(name, value);
    }
    if (reply.body === null) return new Response(null, { status: reply.status, headers });
    headers.set('Content-Type', contentType);
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
  }

  private async handleApi(request: Request, url: URL, method: string, path: string): Promise<Response> {
    const nowMs = this.config.now();
    this.store.rebase(nowMs);

    const match = this.api.match(method, path);
    this.limits.record(routeName(method, match), nowMs);

    const outageStatus = this.limits.takeOutage();
    if (outageStatus !== null) {
      return this.toResponse({ status: outageStatus, body: errorBody(outageStatus, 'Simulated Livestorm outage (sandbox control route)') }, nowMs);
    }

    const auth = request.headers.get('authorization');
    if (auth === null || auth !== this.config.token) {
      // A Bearer value goes down Livestorm's OAuth2 (Doorkeeper) path, which answers with this header.
      const headers: Record<string, string> =
        auth !== null && /^bearer\s/i.test(auth) ? { 'WWW-Authenticate': 'Bearer realm="Doorkeeper", error="invalid_token"' } : {};
      return this.toResponse(new HttpError(401, 'Invalid API token', headers).toReply(), nowMs);
    }

    const limited = this.limits.consume(nowMs);
    if (limited) return this.toResponse(limited, nowMs);

    if (match.kind !== 'found') return this.toResponse(this.api.refuse(match, method, path).toReply(), nowMs);
    const reply = await match.route.run(this, { request, query: url.searchParams, nowMs, params: match.params });
    return this.toResponse(reply, nowMs);
  }

  private async handleControl(request: Request, url: URL, method: string, path: string): Promise<Response> {
    const match = this.control.match(method, path);
    const reply =
      match.kind === 'found'
        ? await match.route.run(this, { request, query: url.searchParams, nowMs: this.config.now(), params: match.params })
        : this.control.refuse(match, method, path).toReply();
    return this.toResponse(reply, null, 'application/json');
  }
}
