import { parseTimestampFilter } from './time';

// JSON:API plumbing every route shares (docs/livestorm-api.md): error bodies (§6), pagination (§3),
// filters and includes.

export const JSONAPI_CONTENT_TYPE = 'application/vnd.api+json';

/** Internal response; turned into a web Response (plus rate-limit headers) in one place. */
export interface Reply {
  status: number;
  body: unknown; // null = empty body
  headers?: Record<string, string>;
}

const STATUS_INFO: Record<number, { title: string; status: string }> = {
  400: { title: 'Bad Request', status: 'bad_request' },
  401: { title: 'Unauthorized', status: 'unauthorized' },
  402: { title: 'Payment Required', status: 'payment_required' },
  403: { title: 'Forbidden', status: 'forbidden' },
  404: { title: 'Not Found', status: 'not_found' },
  405: { title: 'Method Not Allowed', status: 'method_not_allowed' },
  408: { title: 'Request Timeout', status: 'request_timeout' },
  409: { title: 'Conflict', status: 'conflict' },
  413: { title: 'Payload Too Large', status: 'payload_too_large' },
  415: { title: 'Unsupported Media Type', status: 'unsupported_media_type' },
  422: { title: 'Unprocessable Entity', status: 'unprocessable_entity' },
  429: { title: 'Too Many Requests', status: 'too_many_requests' },
  500: { title: 'Internal Server Error', status: 'internal_server_error' },
  502: { title: 'Bad Gateway', status: 'bad_gateway' },
  503: { title: 'Service Unavailable', status: 'service_unavailable' },
  504: { title: 'Gateway Timeout', status: 'gateway_timeout' },
};

export const ok = (body: unknown, status = 200): Reply => ({ status, body });

export function errorBody(httpStatus: number, detail: string, title?: string): { errors: Array<Record<string, string>> } {
  const info = STATUS_INFO[httpStatus] ?? { title: 'Error', status: `http_${httpStatus}` };
  // The 401 body observed on the wire has an empty `code`; elsewhere `code` carries the HTTP status
  // as a string, as older integrations compared it with "422", "404"...
  const code = httpStatus === 401 ? '' : String(httpStatus);
  return { errors: [{ title: title ?? info.title, detail, code, status: info.status }] };
}

/** Thrown anywhere in request handling; converted to a JSON:API error reply. */
export class HttpError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
    readonly title?: string,
  ) {
    super(detail);
  }

  toReply(): Reply {
    return { status: this.httpStatus, body: errorBody(this.httpStatus, this.detail, this.title), headers: this.headers };
  }
}

export const badRequest = (detail: string): HttpError => new HttpError(400, detail);

const ACCEPTED_MEDIA_TYPES = ['application/vnd.api+json', 'application/json'];

/** Parses a write's raw body: bad media type → 415, invalid JSON or wrong document shape → 400. */
export function parseJsonBody(contentType: string | null, text: string): unknown {
  if (contentType !== null && contentType.trim() !== '') {
    const media = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!ACCEPTED_MEDIA_TYPES.includes(media)) {
      throw new HttpError(415, `Content-Type must be application/vnd.api+json or application/json (got ${media})`);
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
}

// ---------------------------------------------------------------------------------------------
// Pagination (§3)

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;

export interface PageMeta {
  current_page: number;
  previous_page: number | null;
  next_page: number | null;
  record_count: number;
  page_count: number;
  items_per_page: number;
}

function readPageParam(params: URLSearchParams, name: string): number | null {
  const raw = params.get(`page[${name}]`);
  if (raw === null) return null;
  if (!/^\d+$/.test(raw.trim())) throw badRequest(`page[${name}] must be a non-negative integer`);
  const value = Number(raw.trim());
  if (!Number.isSafeInteger(value)) throw badRequest(`page[${name}] is too large`);
  return value;
}

/**
 * 0-based pages. `page_count` is ceil(record_count / size), so an empty list reports page_count 0
 * (with current_page 0 and next_page null): both documented loop conditions (`next_page === null`,
 * `current_page + 1 >= page_count`) stop after page 0. Page 0 is always valid; any other page
 * beyond the last one is a 400, as the pagination docs state.
 */
export function paginate<T>(items: readonly T[], params: URLSearchParams): { items: T[]; meta: PageMeta } {
  const size = readPageParam(params, 'size') ?? DEFAULT_PAGE_SIZE;
  if (size < 1 || size > MAX_PAGE_SIZE) throw badRequest(`page[size] must be between 1 and ${MAX_PAGE_SIZE}`);
  const number = readPageParam(params, 'number') ?? 0;
  const recordCount = items.length;
  const pageCount = Math.ceil(recordCount / size);
  if (number > 0 && number >= pageCount) {
    throw badRequest(`Page ${number} does not exist (page_count is ${pageCount}, pages start at 0)`);
  }
  return {
    items: items.slice(number * size, number * size + size),
    meta: {
      current_page: number,
      previous_page: number > 0 ? number - 1 : null,
      next_page: number + 1 < pageCount ? number + 1 : null,
      record_count: recordCount,
      page_count: pageCount,
      items_per_page: size,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Query parameters

/**
 * Collects `filter[...]` parameters. Unknown filter names are a 400 (as JSON:API servers do) so a
 * typo never silently returns unfiltered data.
 */
export function readFilters(params: URLSearchParams, allowed: readonly string[]): Map<string, string> {
  const filters = new Map<string, string>();
  for (const [key, value] of params) {
    const match = /^filter\[([^\]]+)\]$/.exec(key);
    if (!match) {
      if (key.startsWith('filter')) throw badRequest(`Malformed filter parameter "${key}"`);
      continue;
    }
    const name = match[1] ?? '';
    if (!allowed.includes(name)) {
      throw badRequest(`Unknown filter "${name}". Supported filters: ${allowed.join(', ')}`);
    }
    filters.set(name, value);
  }
  return filters;
}

export function timestampFilter(filters: Map<string, string>, name: string): number | null {
  const raw = filters.get(name);
  if (raw === undefined) return null;
  const value = parseTimestampFilter(raw);
  if (value === null) throw badRequest(`filter[${name}] must be a Unix timestamp (seconds) or an ISO-8601 date`);
  return value;
}

export function enumFilter<T extends string>(filters: Map<string, string>, name: string, values: readonly T[]): T | null {
  const raw = filters.get(name);
  if (raw === undefined) return null;
  const found = values.find((v) => v === raw.trim());
  if (!found) throw badRequest(`filter[${name}] must be one of: ${values.join(', ')}`);
  return found;
}

export function booleanFilter(filters: Map<string, string>, name: string): boolean | null {
  const raw = filters.get(name);
  if (raw === undefined) return null;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw badRequest(`filter[${name}] must be true or false`);
}

/** The created_since/until and updated_since/until filters every list endpoint shares. */
export function timeWindowFilter(filters: Map<string, string>): (a: { created_at: number; updated_at: number }) => boolean {
  const createdSince = timestampFilter(filters, 'created_since');
  const createdUntil = timestampFilter(filters, 'created_until');
  const updatedSince = timestampFilter(filters, 'updated_since');
  const updatedUntil = timestampFilter(filters, 'updated_until');
  return (a) =>
    (createdSince === null || a.created_at >= createdSince) &&
    (createdUntil === null || a.created_at <= createdUntil) &&
    (updatedSince === null || a.updated_at >= updatedSince) &&
    (updatedUntil === null || a.updated_at <= updatedUntil);
}

/** `include=a,b` validated against what the endpoint supports. */
export function readIncludes(params: URLSearchParams, allowed: readonly string[]): Set<string> {
  const raw = params.get('include');
  const includes = new Set<string>();
  if (raw === null || raw.trim() === '') return includes;
  for (const part of raw.split(',')) {
    const name = part.trim();
    if (!allowed.includes(name)) {
      throw badRequest(
        allowed.length > 0
          ? `include "${name}" is not supported here. Supported: ${allowed.join(', ')}`
          : `include is not supported on this endpoint`,
      );
    }
    includes.add(name);
  }
  return includes;
}
