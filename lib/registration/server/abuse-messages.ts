import type { LimitRefusal } from './limiter';
import type { TokenRefusal } from './form-token';

/** Every reason the form can be refused for, each in words for the visitor. */
export type AbuseReason = 'honeypot' | TokenRefusal | LimitRefusal;

function waitFor(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined || !Number.isFinite(retryAfterSeconds)) return 'Please try again later.';
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/** What to tell the visitor; never names their address or e-mail. */
export function abuseMessage(reason: AbuseReason, retryAfterSeconds?: number): string {
  switch (reason) {
    case 'honeypot':
      return 'We could not send your registration because a hidden field was filled in, which usually means autofill or a browser extension filled the form. Please reload the page and fill in the form yourself.';
    case 'missing':
    case 'invalid':
      return 'This form has expired. Please reload the page and send it again.';
    case 'expired':
      return 'This form has expired because the page was open for a long time. Please reload the page and send it again.';
    case 'too_fast':
      return 'That was quicker than a person can fill in the form. Please check your answers and send it again.';
    case 'ip':
      return `Too many registrations have been sent from your network in the last hour. ${waitFor(retryAfterSeconds)}`;
    case 'email':
      return `Too many registrations have been sent for this email address in the last hour. ${waitFor(retryAfterSeconds)}`;
  }
}
