'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, useMemo, type FormEvent } from 'react';
import { useForm, type FieldErrors as HookFieldErrors, type Resolver } from 'react-hook-form';
import { SessionLiveStatus } from '@/components/live-status/session-live-status';
import { SessionTime, type ServerSessionTime } from '@/components/session-time';
import { answerName, type FormField } from '@/lib/registration/form-model';
import { EVENT_SLUG_FIELD, FORM_TOKEN_FIELD, INITIAL_FORM_STATE } from '@/lib/registration/form-state';
import { HONEYPOT_FIELD } from '@/lib/registration/honeypot';
import { registerForSessions } from '@/lib/registration/server/actions';
import { buildRegistrationSchema, type RegistrationValues } from '@/lib/registration/schema';
import { fieldId, RegistrationFieldControl } from './fields';

export interface SessionChoice {
  id: string;
  name: string | null;
  startsAt: string;
  timeZone: string;
  server: ServerSessionTime;
  /** Live sessions are shown but only upcoming ones take registrations. */
  registrable: boolean;
}

interface RegistrationFormProps {
  eventSlug: string;
  eventTitle: string;
  durationMinutes: number | null;
  locale: string;
  sessions: SessionChoice[];
  fields: FormField[];
  formToken: string;
  hiddenInputs: Array<{ name: string; value: string }>;
  /** Chosen at first; the soonest open session otherwise. */
  initialSessionIds?: string[];
}

type ErrorItem = { name: string; message: string; target: string };

function targetFor(name: string, fields: readonly FormField[]): string {
  if (name === 'sessionIds') return 'sessions';
  const field = fields.find((candidate) => answerName(candidate.id) === name);
  return field ? fieldId(field) : 'registration-form';
}

function flattenHookErrors(errors: HookFieldErrors<RegistrationValues>): Record<string, string> {
  const result: Record<string, string> = {};
  if (errors.sessionIds?.message) result.sessionIds = String(errors.sessionIds.message);
  for (const [id, error] of Object.entries(errors.answers ?? {})) {
    const message = (error as { message?: unknown } | undefined)?.message;
    if (typeof message === 'string') result[answerName(id)] = message;
  }
  return result;
}

/**
 * The registration form. Without JavaScript it posts to the server action and the page comes back
 * with the action's state; with JavaScript, react-hook-form checks the same schema first and the
 * action runs in a transition. The server validates again either way.
 */
export function RegistrationForm({
  eventSlug,
  eventTitle,
  durationMinutes,
  locale,
  sessions,
  fields,
  formToken,
  hiddenInputs,
  initialSessionIds,
}: RegistrationFormProps) {
  const [state, formAction, pending] = useActionState(registerForSessions, INITIAL_FORM_STATE);
  const registrable = sessions.filter((session) => session.registrable);
  const schema = useMemo(
    () => buildRegistrationSchema(fields, { sessionIds: registrable.map((session) => session.id) }),
    [fields, registrable],
  );
  const submitted = state.status === 'error' ? state.values : null;
  const defaults: RegistrationValues = useMemo(
    () =>
      submitted ?? {
        sessionIds: initialSessionIds ?? registrable.slice(0, 1).map((session) => session.id),
        answers: Object.fromEntries(
          fields.map((field) => [field.id, field.kind === 'multiple_choice' ? [] : field.kind === 'consent' ? false : '']),
        ),
      },
    [submitted, registrable, fields, initialSessionIds],
  );
  const {
    register,
    handleSubmit,
    formState: { errors: hookErrors, submitCount },
  } = useForm<RegistrationValues>({
    resolver: zodResolver(schema) as unknown as Resolver<RegistrationValues>,
    defaultValues: defaults,
    mode: 'onTouched',
    shouldFocusError: false,
  });


  const serverErrors = state.status === 'error' ? state.fieldErrors : {};
  const clientErrors = flattenHookErrors(hookErrors);
  // Client-side findings are fresher once the visitor has tried again in the browser.
  const errorMap = submitCount > 0 || Object.keys(clientErrors).length > 0 ? { ...serverErrors, ...clientErrors } : serverErrors;
  const errorItems: ErrorItem[] = Object.entries(errorMap).map(([name, message]) => ({
    name,
    message,
    target: targetFor(name, fields),
  }));
  const formError = state.status === 'error' ? state.formError : null;
  const showSummary = errorItems.length > 0 || formError !== null;

  // The summary is mounted afresh for each failed attempt (server or browser check) and takes focus.
  const attemptKey = `${state.status === 'error' ? state.attempt : 0}-${submitCount}`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
  };

  const token = (state.status === 'error' ? state.formToken : null) ?? formToken;
  const selectedSessions = submitted?.sessionIds ?? defaults.sessionIds;

  return (
    <form
      id="registration-form"
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="register-heading"
      className="flex flex-col gap-5"
    >
      <input type="hidden" name={EVENT_SLUG_FIELD} value={eventSlug} />
      <input type="hidden" name={FORM_TOKEN_FIELD} value={token} />
      {hiddenInputs.map((input) => (
        <input key={input.name} type="hidden" name={input.name} value={input.value} />
      ))}

      {showSummary ? (
        <div
          key={attemptKey}
          ref={focusOnMount}
          tabIndex={-1}
          // Without JavaScript the browser focuses it on load; with it, the effect above does.
          autoFocus
          role="alert"
          aria-labelledby="registration-error-heading"
          className="rounded-lg border-2 border-red-700 bg-red-50 p-4 text-sm text-red-900"
        >
          <h3 id="registration-error-heading" className="font-semibold">
            {formError ?? (errorItems.length === 1 ? 'There is a problem with one answer.' : `There are problems with ${errorItems.length} answers.`)}
          </h3>
          {errorItems.length > 0 ? (
            <ul className="mt-2 list-disc pl-5">
              {errorItems.map((item) => (
                <li key={item.name}>
                  <a href={`#${item.target}`} className="font-medium underline underline-offset-2">
                    {item.message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {registrable.length > 1 ? (
        <fieldset id="sessions" tabIndex={-1} aria-describedby={errorMap.sessionIds ? 'sessions-error' : undefined}>
          <legend className="mb-2 text-sm font-medium text-slate-800">
            Choose your session<span className="font-normal text-slate-600"> — you can pick several</span>
          </legend>
          <ul className="flex flex-col gap-2" role="list">
            {sessions.map((session) => (
              <li
                key={session.id}
                data-session-id={session.id}
                className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-surface p-3 shadow-sm has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
              >
                {session.registrable ? (
                  <label className="flex cursor-pointer items-start gap-3">
                    <input
                      type="checkbox"
                      value={session.id}
                      defaultChecked={selectedSessions.includes(session.id)}
                      className="mt-1 size-5 shrink-0 accent-accent"
                      {...register('sessionIds')}
                    />
                    <SessionLabel session={session} durationMinutes={durationMinutes} locale={locale} />
                  </label>
                ) : (
                  <SessionLabel session={session} durationMinutes={durationMinutes} locale={locale} />
                )}
                {/* Outside the label: its Join link must not toggle the checkbox. */}
                <span className={session.registrable ? 'pl-8' : undefined}>
                  <SessionLiveStatus sessionId={session.id} />
                </span>
              </li>
            ))}
          </ul>
          <SessionsError message={errorMap.sessionIds} />
        </fieldset>
      ) : (
        <div id="sessions" tabIndex={-1}>
          <ul className="flex flex-col gap-2" role="list" aria-label="Session">
            {sessions.map((session) => (
              <li key={session.id} data-session-id={session.id} className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-surface p-3">
                {session.registrable ? <input type="hidden" name="sessionIds" value={session.id} /> : null}
                <SessionLabel session={session} durationMinutes={durationMinutes} locale={locale} />
                <span>
                  <SessionLiveStatus sessionId={session.id} />
                </span>
              </li>
            ))}
          </ul>
          <SessionsError message={errorMap.sessionIds} />
        </div>
      )}

      {fields.map((field) => (
        <RegistrationFieldControl
          key={field.id}
          field={field}
          register={register}
          value={submitted?.answers[field.id] ?? defaults.answers[field.id]}
          error={errorMap[answerName(field.id)]}
        />
      ))}

      {/* A field people never see: bots that fill everything give themselves away. */}
      <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
        <label htmlFor={HONEYPOT_FIELD}>Leave this field empty</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <button
        type="submit"
        disabled={pending}
        className="min-h-12 rounded-lg bg-accent px-5 py-3 text-base font-semibold text-on-accent shadow-sm hover:bg-accent-strong disabled:cursor-progress disabled:opacity-80"
      >
        {pending ? 'Registering…' : registrable.length > 1 ? 'Register for the chosen sessions' : 'Register'}
      </button>
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {pending ? `Sending your registration for ${eventTitle}…` : ''}
      </p>
    </form>
  );
}

/** The problem with the session choice, under the sessions (the fieldset's description). */
function SessionsError({ message }: { message: string | undefined }) {
  return message ? (
    <p id="sessions-error" className="mt-1 text-sm font-medium text-red-700">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  ) : null;
}

function focusOnMount(node: HTMLElement | null) {
  node?.focus();
}

function SessionLabel({ session, durationMinutes, locale }: { session: SessionChoice; durationMinutes: number | null; locale: string }) {
  return (
    <span className="flex flex-col gap-1">
      {session.name ? <span className="font-semibold text-slate-900">{session.name}</span> : null}
      <SessionTime
        startsAt={session.startsAt}
        durationMinutes={durationMinutes}
        sessionTimeZone={session.timeZone}
        locale={locale}
        server={session.server}
        variant="full"
      />
      {!session.registrable ? <span className="text-sm text-slate-600">Registration is closed for this session.</span> : null}
    </span>
  );
}
