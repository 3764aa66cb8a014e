import { HttpError, badRequest, type Reply } from './jsonapi';

// Routing for both route tables: the API (/v1) and the control routes (/__sandbox).

/** What a handler gets besides the sandbox context: the request, its query, the clock, path parameters. */
export interface RouteCall {
  request: Request;
  query: URLSearchParams;
  nowMs: number;
  /** decoded `:name` segments, in the order of the pattern */
  params: string[];
}

export interface RouteDefinition<Context> {
  method: string;
  /** `/sessions/:id/people`; also the route's name in stats (`GET /sessions/:id/people`) */
  pattern: string;
  run: (sandbox: Context, call: RouteCall) => Reply | Promise<Reply>;
}

export function route<Context>(method: string, pattern: string, run: RouteDefinition<Context>['run']): RouteDefinition<Context> {
  return { method, pattern, run };
}

export type RouteMatch<Context> =
  | { kind: 'found'; route: RouteDefinition<Context>; params: string[] }
  /** the path exists with other methods: a 405 */
  | { kind: 'method'; pattern: string; allowed: string[] }
  | { kind: 'none' };

/** A request's name in stats: `GET /events/:id`, or `GET (unmatched)`. */
export function routeName<Context>(method: string, match: RouteMatch<Context>): string {
  if (match.kind === 'none') return `${method} (unmatched)`;
  return `${method} ${match.kind === 'found' ? match.route.pattern : match.pattern}`;
}

export type ResolvedPath = { kind: 'api'; path: string } | { kind: 'control'; path: string } | { kind: 'outside' };

/** Accepts any origin and any prefix: the API is whatever follows the first `/v1` segment. */
export function resolvePath(pathname: string): ResolvedPath {
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

function compile(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((part) => (part.startsWith(':') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badRequest('Malformed path parameter');
  }
}

export interface RouterNames {
  /** start of the 404 detail, e.g. "No API route" */
  missing: string;
  /** prefix of the pattern in the 405 detail, e.g. "/__sandbox" */
  prefix: string;
}

export class Router<Context> {
  private readonly routes: Array<{ definition: RouteDefinition<Context>; regex: RegExp }>;

  constructor(
    definitions: readonly RouteDefinition<Context>[],
    private readonly names: RouterNames,
  ) {
    this.routes = definitions.map((definition) => ({ definition, regex: compile(definition.pattern) }));
  }

  /** Throws a 400 for a parameter that is not valid percent-encoding. */
  match(method: string, path: string): RouteMatch<Context> {
    const allowed: string[] = [];
    let pattern = '';
    for (const { definition, regex } of this.routes) {
      const m = regex.exec(path);
      if (!m) continue;
      if (definition.method === method) {
        return { kind: 'found', route: definition, params: m.slice(1).map((p) => decodeParam(p ?? '')) };
      }
      allowed.push(definition.method);
      pattern = definition.pattern;
    }
    return allowed.length > 0 ? { kind: 'method', pattern, allowed } : { kind: 'none' };
  }

  /** The 404 or 405 for a request no route takes. */
  refuse(match: Exclude<RouteMatch<Context>, { kind: 'found' }>, method: string, path: string): HttpError {
    if (match.kind === 'none') return new HttpError(404, `${this.names.missing} for ${method} ${path}`);
    return new HttpError(405, `${method} is not allowed on ${this.names.prefix}${match.pattern}`, { Allow: match.allowed.join(', ') });
  }
}
