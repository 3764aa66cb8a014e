/** What a registration is, in our terms; lib/livestorm maps it onto Livestorm's wire body. */

export type AnswerValue = string | string[] | boolean | null;

export interface Answer {
  /** The event field id (a People Attribute slug such as `email` or `company`). */
  id: string;
  value: AnswerValue;
}

/** Where the visitor came from on their landing visit, sent with the registration. */
export interface Attribution {
  referrer: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
}

export const EMPTY_ATTRIBUTION: Attribution = {
  referrer: null,
  utmSource: null,
  utmMedium: null,
  utmCampaign: null,
  utmTerm: null,
  utmContent: null,
};

/** One registration of one person to one session, ready to send. */
export interface RegistrationRequest {
  sessionId: string;
  /** Lower-cased; also the key of the "already registered" lookup. */
  email: string;
  answers: Answer[];
  attribution: Attribution;
}

/** Livestorm's final answer to one registration (transient failures are thrown instead). */
export type RegistrationOutcome =
  | { kind: 'registered'; joinLink: string | null }
  | { kind: 'already_registered' }
  | { kind: 'closed'; detail: string | null }
  | { kind: 'rejected'; detail: string | null };

/** A workspace People Attribute's human label: event fields carry only the slug (§4.2). */
export interface FieldLabel {
  slug: string;
  name: string;
  placeholder: string | null;
}
