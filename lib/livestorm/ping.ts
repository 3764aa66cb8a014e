import { z } from 'zod';
import type { LivestormClient } from './client';
import { LivestormError } from './errors';

/** `GET /ping` answers 200 with an empty body (docs/livestorm-api.md §2); an empty object is tolerated. */
const pingResponse = z.union([z.undefined(), z.null(), z.looseObject({})]);

/**
 * What the token check found: `unreachable` is a network error, timeout or 5xx; `error` any other
 * refusal (throttled, quota, unexpected answer), named in `detail`.
 */
export type TokenCheckResult = 'ok' | 'unauthorized' | 'forbidden' | 'unreachable' | 'error';

export interface TokenCheck {
  result: TokenCheckResult;
  /** ISO time the answer came. */
  checkedAt: string;
  /** The failure's kind and HTTP status, e.g. `unavailable (HTTP 503)`; null when ok. */
  detail: string | null;
}

function resultFor(error: LivestormError): TokenCheckResult {
  if (error.kind === 'unauthorized') return 'unauthorized';
  if (error.kind === 'forbidden') return 'forbidden';
  if (error.kind === 'unavailable') return 'unreachable';
  return 'error';
}

/** Checks the token with one call (no retries): an expected outcome, so a value, not a throw. */
export async function checkToken(client: LivestormClient, now: () => Date = () => new Date()): Promise<TokenCheck> {
  try {
    await client.request('/ping', { schema: pingResponse, retry: false });
    return { result: 'ok', checkedAt: now().toISOString(), detail: null };
  } catch (error) {
    if (!(error instanceof LivestormError)) throw error;
    return {
      result: resultFor(error),
      checkedAt: now().toISOString(),
      detail: error.summary,
    };
  }
}
