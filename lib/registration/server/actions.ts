'use server';

import { randomUUID } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { ATTRIBUTION_COOKIE, decodeAttribution, hasAttribution, readAttributionForm } from '@/lib/attribution';
import { getConfig } from '@/lib/config';
import { EMBED_CONTEXT_FIELD, EMBED_PATHS, embedHref, parseEmbedContext } from '@/lib/embed/options';
import { isRegistrableSession } from '@/lib/events/select';
import { requestNow } from '@/lib/events/server/catalog';
import type { RegistrationRequest } from '@/lib/livestorm/types';
import { errorFields, log } from '@/lib/log';
import { processSingleton } from '@/lib/process-singleton';
import { CONFIRMATION_COOKIE, confirmationPath } from '../confirmation';
import { EVENT_SLUG_FIELD, FORM_TOKEN_FIELD, type RegistrationFormState } from '../form-state';
import { HONEYPOT_FIELD, isHoneypotFilled } from '../honeypot';
import { readRegistrationForm, toAnswers, validateRegistration, type RegistrationValues } from '../schema';
import { abuseMessage } from './abuse-messages';
import { clientIp } from './client-ip';
import { checkFormToken } from './form-token';
import { getRegistrationForm, registrationFormSecret } from './forms';
import { createRegistrationLimiter, type RegistrationLimiter } from './limiter';
import { getRegistrationRuntime } from './runtime';

/** How long a visitor waits for Livestorm's answer before being told it will come by e-mail. */
const ANSWER_WAIT_MS = 8_000;

function limiter(): RegistrationLimiter {
  return processSingleton('registration:limiter', () => {
    const { registration } = getConfig();
    return createRegistrationLimiter({
      maxPerIpPerHour: registration.maxPerIpPerHour,
      maxPerEmailPerHour: registration.maxPerEmailPerHour,
    });
  });
}

function refuse(
  previous: RegistrationFormState,
  values: RegistrationValues,
  problem: { formError?: string | null; fieldErrors?: Record<string, string>; formToken?: string | null },
): RegistrationFormState {
  return {
    status: 'error',
    formError: problem.formError ?? null,
    fieldErrors: problem.fieldErrors ?? {},
    values,
    attempt: previous.status === 'error' ? previous.attempt + 1 : 1,
    formToken: problem.formToken ?? null,
  };
}

/**
 * Registers the visitor to the chosen sessions. Everything is re-derived on the server: the event's
 * fields and open sessions come from our cache of Livestorm, never from the client. The entries are
 * committed to the durable outbox before the visitor gets any answer.
 */
export async function registerForSessions(previous: RegistrationFormState, formData: FormData): Promise<RegistrationFormState> {
  const config = getConfig();
  const slug = formData.get(EVENT_SLUG_FIELD);
  const form = typeof slug === 'string' && slug.length <= 200 ? await getRegistrationForm(slug) : null;
  const emptyValues: RegistrationValues = { sessionIds: [], answers: {} };
  if (!form) {
    return refuse(previous, emptyValues, { formError: 'This webinar is no longer available for registration.' });
  }
  const values = readRegistrationForm(formData, form.fields);

  if (isHoneypotFilled(formData.get(HONEYPOT_FIELD))) {
    log.warn('registration refused', { reason: 'honeypot' });
    return refuse(previous, values, { formError: abuseMessage('honeypot') });
  }
  const rawToken = formData.get(FORM_TOKEN_FIELD);
  const token = typeof rawToken === 'string' && rawToken.length <= 200 ? rawToken : null;
  // Echoed on refusals so a re-rendered form keeps its fill-time clock; it is checked on every submit.
  const keep = { formToken: token };
  const now = await requestNow();
  const openIds = form.sessions.filter((session) => isRegistrableSession(session, now)).map((session) => session.id);
  const validation = validateRegistration(form.fields, { sessionIds: openIds }, values);
  if (!validation.ok) {
    const count = Object.keys(validation.fieldErrors).length;
    return refuse(previous, values, {
      formError: count === 1 ? 'There is a problem with one answer.' : `There are problems with ${count} answers.`,
      fieldErrors: validation.fieldErrors,
      ...keep,
    });
  }
  const email = validation.values.answers.email;
  if (typeof email !== 'string' || email === '') {
    return refuse(previous, values, { fieldErrors: { 'answers.email': 'Enter your email address.' }, ...keep });
  }

  const tokenCheck = checkFormToken(token, registrationFormSecret(), now, config.registration.minFillSeconds);
  if (!tokenCheck.ok) {
    log.warn('registration refused', { reason: tokenCheck.reason });
    // A genuine token that was only too quick keeps its clock; anything else gets a fresh form.
    return refuse(previous, values, {
      formError: abuseMessage(tokenCheck.reason),
      formToken: tokenCheck.reason === 'too_fast' ? token : null,
    });
  }

  const limit = await limiter().consume({ ip: clientIp(await headers(), config.trustProxy), email });
  if (!limit.ok) {
    log.warn('registration refused', { reason: `${limit.limit}_rate_limit` });
    return refuse(previous, values, { formError: abuseMessage(limit.limit, limit.retryAfterSeconds), ...keep });
  }

  const cookieStore = await cookies();
  const fromForm = readAttributionForm(formData);
  const attribution = hasAttribution(fromForm) ? fromForm : (decodeAttribution(cookieStore.get(ATTRIBUTION_COOKIE)?.value) ?? fromForm);
  const answers = toAnswers(form.fields, validation.values);
  const requests: RegistrationRequest[] = validation.values.sessionIds.map((sessionId) => ({ sessionId, email, answers, attribution }));

  const submissionId = randomUUID();
  let entryIds: string[];
  try {
    const { outbox, worker } = getRegistrationRuntime();
    entryIds = outbox.enqueue(submissionId, requests, Date.now()).map((entry) => entry.id);
    worker.kick();
    await worker.waitForSettled(entryIds, ANSWER_WAIT_MS);
  } catch (error) {
    log.error('registration could not be saved', errorFields(error));
    return refuse(previous, values, {
      formError: 'We could not save your registration just now, so nothing was sent. Please try again in a minute.',
      ...keep,
    });
  }

  const embedRaw = formData.get(EMBED_CONTEXT_FIELD);
  const embed = typeof embedRaw === 'string' && embedRaw.length <= 4096 ? parseEmbedContext(new URLSearchParams(embedRaw)) : null;
  const https = config.site.url.startsWith('https:');
  cookieStore.set(CONFIRMATION_COOKIE, submissionId, {
    httpOnly: true,
    path: '/',
    maxAge: 3600,
    // Inside another site's iframe only a partitioned SameSite=None cookie comes back (CHIPS); it
    // stays in that site's partition. Same-site (and plain http) keeps Lax.
    ...(embed && https ? { sameSite: 'none' as const, secure: true, partitioned: true } : { sameSite: 'lax' as const, secure: https }),
  });
  // Outside any try/catch: redirect() works by throwing.
  redirect(embed ? embedHref(EMBED_PATHS.confirmation(submissionId), embed) : confirmationPath(submissionId));
}
