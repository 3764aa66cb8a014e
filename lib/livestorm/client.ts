import { RateLimiter } from 'limiter';
import pRetry from 'p-retry';
import type { z } from 'zod';
import { LivestormError, kindForStatus } from './errors';
import { errorDocument, listDocument, type PageMeta } from './schema';

/**
 * The one way the site talks to Livestorm: a pure factory (no `server-only`, no config) so unit
 * tests drive it against the real sandbox handler; `./index.ts` wires the process singleton.
 */

export type Transport = (request: Request) => Promise<Response>;
export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface ClientOptions {
  baseUrl: string;
  token: string;
  transport: Transport;
  timeoutMs: number;
  /** Upstream allows 5/s per workspace; requests are spaced evenly so no 1 s window ever sees more. */
  maxRequestsPerSecond: number;
  /** Total time one call may take, retries included. */
  deadlineMs?: number;
  retries?: number;
  minRetryDelayMs?: number;
  maxRetryDelayMs?: number;
  /**
   * Told of every request as it is sent (each retry too: Livestorm counts it), so the process can
   * keep a usage record without this module knowing where. Its errors never fail the call.
   */
  onRequestSent?: (request: SentRequest) => void;
}

export interface SentRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Without the query string (queries can hold personal data). */
  path: string;
}

export interface RequestOptions<S extends z.ZodType> {
  schema: S;
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** false: one attempt only, e.g. a health check that must answer quickly and cost one call. */
  retry?: boolean;
}

export interface QuotaSnapshot {
  monthlyLimit: number | null;
  monthlyRemaining: number | null;
  observedAt: string | null;
  /** Calls this process has sent (each retry counts: Livestorm counts it too). */
  callsSent: number;
}

export interface LivestormClient {
  request<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<z.output<S>>;
  /** Every item of a paginated list, walking 0-based pages of at most 50. */
  paginate<S extends z.ZodType>(path: string, options: { item: S; query?: Query; pageSize?: number }): Promise<Array<z.output<S>>>;
  quota(): QuotaSnapshot;
}

export const MAX_PAGE_SIZE = 50;
const MAX_PAGES = 200;
const JSON_API = 'application/vnd.api+json';

/** JSON:API bracket keys (`page[number]`, `filter[status]`) pass through untouched; nullish values drop. */
export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.append(key, String(value));
  }
  const text = params.toString().replaceAll('%5B', '[').replaceAll('%5D', ']');
  return text ? `?${text}` : '';
}

/** The next 0-based page to request, or null. Never guesses a page that may not exist (Livestorm answers 400). */
export function nextPageNumber(meta: PageMeta | undefined, current: number): number | null {
  if (meta?.next_page !== undefined) {
    const next = meta.next_page;
    return next !== null && next > current ? next : null;
  }
  if (meta?.page_count !== undefined && meta.page_count !== null) {
    return current + 1 < meta.page_count ? current + 1 : null;
  }
  return null;
}

function headerNumber(headers: Headers, ...names: string[]): number | null {
  for (const name of names) {
    const raw = headers.get(name);
    if (raw === null) continue;
    const value = Number(raw.trim());
    if (Number.isFinite(value)) return value;
  }
  return null;
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(raw: string | null, now = Date.now()): number | null {
  if (raw === null) return null;
  const seconds = Number(raw.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

function firstErrorDetail(text: string): string | null {
  try {
    const parsed = errorDocument.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const [first] = parsed.data.errors;
    return first?.detail ?? first?.title ?? null;
  } catch {
    return null;
  }
}

/** Issue paths only: values can be personal data and must not reach logs. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createLivestormClient(options: ClientOptions): LivestormClient {
  // One request per slot, slots 5% wider than 1/rps: network jitter can bunch arrivals up, and no
  // 1,000 ms window at Livestorm may ever see more than the limit.
  const limiter = new RateLimiter({ tokensPerInterval: 1, interval: Math.ceil(1050 / options.maxRequestsPerSecond) });
  const deadlineMs = options.deadlineMs ?? 20_000;
  const quota: QuotaSnapshot = { monthlyLimit: null, monthlyRemaining: null, observedAt: null, callsSent: 0 };

  function observeQuota(headers: Headers) {
    const remaining = headerNumber(headers, 'RateLimit-Monthly-Remaining', 'RateLimit-Montly-Remaining');
    const limit = headerNumber(headers, 'RateLimit-Monthly-Limit', 'RateLimit-Montly-Limit');
    if (remaining !== null) quota.monthlyRemaining = remaining;
    if (limit !== null) quota.monthlyLimit = limit;
    if (remaining !== null || limit !== null) quota.observedAt = new Date().toISOString();
  }

  async function attempt<S extends z.ZodType>(path: string, request: RequestOptions<S>, deadline: AbortSignal) {
    await limiter.removeTokens(1);
    const method = request.method ?? 'GET';
    const headers = new Headers({ Authorization: options.token, Accept: JSON_API });
    let body: string | undefined;
    if (request.body !== undefined) {
      headers.set('Content-Type', JSON_API);
      body = JSON.stringify(request.body);
    }
    const url = `${options.baseUrl}${path}${buildQuery(request.query)}`;
    const signal = AbortSignal.any([AbortSignal.timeout(options.timeoutMs), deadline]);

    let response: Response;
    let text: string;
    quota.callsSent += 1;
    try {
      options.onRequestSent?.({ method, path });
    } catch {
      // A usage record must never cost a registration.
    }
    try {
      response = await options.transport(new Request(url, { method, headers, body, signal }));
      text = await response.text();
    } catch (cause) {
      const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
      throw new LivestormError({
        kind: 'unavailable',
        status: null,
        path,
        detail: timedOut ? `no answer within ${options.timeoutMs} ms` : 'network error',
        cause,
      });
    }
    observeQuota(response.headers);

    if (!response.ok) {
      throw new LivestormError({
        kind: kindForStatus(response.status, quota.monthlyRemaining),
        status: response.status,
        path,
        detail: firstErrorDetail(text),
        retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
      });
    }

    let json: unknown = undefined;
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch (cause) {
        throw new LivestormError({ kind: 'invalid_response', status: response.status, path, detail: 'body is not JSON', cause });
      }
    }
    const parsed = request.schema.safeParse(json);
    if (!parsed.success) {
      throw new LivestormError({
        kind: 'invalid_response',
        status: response.status,
        path,
        detail: `unexpected shape: ${describeIssues(parsed.error)}`,
      });
    }
    return parsed.data as z.output<S>;
  }

  async function request<S extends z.ZodType>(path: string, req: RequestOptions<S>): Promise<z.output<S>> {
    const method = req.method ?? 'GET';
    // A write that may have reached Livestorm must not be replayed; a 429 was refused before any effect.
    const replayable = method === 'GET' || method === 'DELETE';
    const deadline = AbortSignal.timeout(deadlineMs);
    const startedAt = Date.now();
    return pRetry(() => attempt(path, req, deadline), {
      retries: req.retry === false ? 0 : (options.retries ?? 4),
      factor: 2,
      minTimeout: options.minRetryDelayMs ?? 250,
      maxTimeout: options.maxRetryDelayMs ?? 4_000,
      randomize: true,
      maxRetryTime: deadlineMs,
      shouldRetry: ({ error }) =>
        error instanceof LivestormError && error.retryable && (replayable || error.kind === 'rate_limited'),
      onFailedAttempt: async ({ error }) => {
        // Honour Retry-After on top of the backoff, but never past the deadline.
        if (error instanceof LivestormError && error.kind === 'rate_limited' && error.retryAfter) {
          const remaining = deadlineMs - (Date.now() - startedAt);
          const wait = Math.min(error.retryAfter * 1000, remaining);
          if (wait > 0 && wait < remaining) await sleep(wait);
        }
      },
    });
  }

  async function paginate<S extends z.ZodType>(
    path: string,
    { item, query, pageSize = MAX_PAGE_SIZE }: { item: S; query?: Query; pageSize?: number },
  ): Promise<Array<z.output<S>>> {
    const size = Math.min(Math.max(1, pageSize), MAX_PAGE_SIZE);
    const schema = listDocument(item);
    const items: Array<z.output<S>> = [];
    let page: number | null = 0;
    for (let walked = 0; page !== null && walked < MAX_PAGES; walked += 1) {
      const document = await request(path, { schema, query: { ...query, 'page[number]': page, 'page[size]': size } });
      items.push(...(document.data as Array<z.output<S>>));
      page = nextPageNumber(document.meta, page);
    }
    return items;
  }

  return { request, paginate, quota: () => ({ ...quota }) };
}
