import type { FieldErrors, RegistrationValues } from './schema';

/** What the registration action answers when it does not redirect to the confirmation. */
export type RegistrationFormState =
  | { status: 'idle' }
  | {
      status: 'error';
      /** A problem with the whole submission (expired form, rate limit, outage before saving). */
      formError: string | null;
      fieldErrors: FieldErrors;
      /** What was submitted, so a form without JavaScript is shown filled in again. */
      values: RegistrationValues;
      /** Distinguishes two identical failures in a row, so the summary takes focus again. */
      attempt: number;
      /**
       * The token the visitor's form was issued, handed back so a re-rendered form (no JavaScript)
       * keeps its original fill-time clock instead of starting a new one.
       */
      formToken: string | null;
    };

export const INITIAL_FORM_STATE: RegistrationFormState = { status: 'idle' };

/** Hidden inputs every registration form carries. */
export const FORM_TOKEN_FIELD = 'formToken';
export const EVENT_SLUG_FIELD = 'eventSlug';
