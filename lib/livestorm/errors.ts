export type LivestormErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'rate_limited'
  | 'quota_exhausted'
  | 'unavailable'
  | 'invalid_response';

/**
 * Every failure of a Livestorm call. It never carries the token, and `path` has no query string
 * (queries can hold personal data such as `filter[email]`).
 */
/** Next bundles instrumentation and routes separately, so two copies of this class can meet. */
const BRAND = Symbol.for('livestorm-events.LivestormError');

export class LivestormError extends Error {
  /** `instanceof` recognises errors from any copy of this module (see BRAND). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  readonly [BRAND] = true;
  override name = 'LivestormError';
  readonly kind: LivestormErrorKind;
  readonly status: number | null;
  readonly detail: string | null;
  readonly path: string;
  /** Seconds to wait before trying again, when Livestorm said so. */
  readonly retryAfter: number | null;

  constructor(init: {
    kind: LivestormErrorKind;
    status: number | null;
    path: string;
    detail?: string | null;
    retryAfter?: number | null;
    cause?: unknown;
  }) {
    const where = `${init.path}${init.status === null ? '' : ` (HTTP ${init.status})`}`;
    super(`Livestorm ${init.kind.replace('_', ' ')}: ${where}${init.detail ? `: ${init.detail}` : ''}`, {
      cause: init.cause,
    });
    this.kind = init.kind;
    this.status = init.status;
    this.path = init.path;
    this.detail = init.detail ?? null;
    this.retryAfter = init.retryAfter ?? null;
  }

  /** `unavailable (HTTP 503)`: kind and status only, for operators (no Livestorm wording). */
  get summary(): string {
    return `${this.kind}${this.status === null ? '' : ` (HTTP ${this.status})`}`;
  }

  /** Transient failures worth another attempt; the monthly quota is not one of them. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'unavailable';
  }
}

export function kindForStatus(status: number, monthlyRemaining: number | null): LivestormErrorKind {
  if (status === 429) return monthlyRemaining === 0 ? 'quota_exhausted' : 'rate_limited';
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthorized';
  if (status === 402) return 'quota_exhausted';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 422) return 'unprocessable';
  if (status >= 500 || status === 408) return 'unavailable';
  return 'bad_request';
}
