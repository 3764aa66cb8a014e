import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { HttpError, badRequest } from './jsonapi';
import { buildPerson, echoFields } from './seed/person';
import { FieldValueSchema, type EventField, type EventRecord, type FieldValue, type PersonRecord, type SessionRecord } from './schema';

// POST /sessions/:id/people (docs/livestorm-api.md §5). Only `email` is mandatory through the
// API; missing *required custom* fields are accepted because the docs do not say they are rejected.
// Values are checked against the field types so a form that sends the wrong shape fails here
// rather than in production.

const trackingString = z.string().nullable().optional();

const RegistrationBodySchema = z.object({
  data: z.object({
    type: z.literal('people'),
    attributes: z.object({
      fields: z.array(z.object({ id: z.string().min(1), value: FieldValueSchema })),
      referrer: trackingString,
      utm_source: trackingString,
      utm_medium: trackingString,
      utm_term: trackingString,
      utm_content: trackingString,
      utm_campaign: trackingString,
    }),
  }),
});
export type RegistrationBody = z.infer<typeof RegistrationBodySchema>;

export function validateRegistrationShape(json: unknown): RegistrationBody {
  const parsed = RegistrationBodySchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? issue.path.join('.') : '';
  throw badRequest(
    `Invalid registration document${where ? ` at ${where}` : ''}: expected {"data":{"type":"people","attributes":{"fields":[{"id":string,"value":string|string[]|boolean|null}]}}}`,
  );
}

const EMAIL_RE = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:.]{2,}$/;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL_RE.test(value);
}

function isHttpUrl(value: string, httpsOnly = false): URL | null {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || (!httpsOnly && url.protocol === 'http:')) return url;
    return null;
  } catch {
    return null;
  }
}

const CONSENT_STRINGS = ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', ''];
const unprocessable = (detail: string): HttpError => new HttpError(422, detail);

function isChoice(field: EventField): boolean {
  return field.type === 'multiple' || field.type === 'unique_select' || field.type === 'multiple_select';
}

/** Checks one submitted value against its field definition; returns the value to store/echo. */
function normalizeValue(field: EventField, value: FieldValue): FieldValue {
  if (value === null) return null;
  const label = `Field "${field.id}"`;
  if (isChoice(field)) {
    const allowed = (field.options?.items ?? []).map((i) => i.value);
    const multi = field.options?.multiple_answers ?? field.type === 'multiple_select';
    if (multi) {
      if (!Array.isArray(value)) throw unprocessable(`${label} accepts several answers: send an array of strings`);
      const bad = value.find((v) => !allowed.includes(v));
      if (bad !== undefined) throw unprocessable(`${label}: "${bad}" is not one of its options (${allowed.join(', ')})`);
      return [...new Set(value)];
    }
    if (typeof value !== 'string') throw unprocessable(`${label} accepts a single answer: send a string`);
    if (value !== '' && !allowed.includes(value)) {
      throw unprocessable(`${label}: "${value}" is not one of its options (${allowed.join(', ')})`);
    }
    return value;
  }
  if (field.type === 'consent') {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && CONSENT_STRINGS.includes(value.trim().toLowerCase())) return value.trim();
    throw unprocessable(`${label} is a consent field: send true/false`);
  }
  if (typeof value !== 'string') throw unprocessable(`${label} expects a string value`);
  const text = value.trim();
  if (text === '') return text;
  if (field.type === 'email' && !isValidEmail(text)) throw unprocessable(`${label} is not a valid email address`);
  if (field.type === 'url' && !isHttpUrl(text)) throw unprocessable(`${label} must be an http(s) URL`);
  if (field.type === 'file') {
    const url = isHttpUrl(text, field.id === 'avatar');
    if (!url) throw unprocessable(`${label} must be a public https URL`);
    if (field.id === 'avatar' && !/\.(png|jpe?g)$/i.test(url.pathname)) {
      throw unprocessable(`${label} must point to a PNG or JPG image`);
    }
  }
  return text;
}

export interface RegistrationContext {
  event: EventRecord;
  session: SessionRecord;
  /** registrants of this session, for the duplicate check */
  sessionPeople: readonly PersonRecord[];
  nowS: number;
}

/** Applies the business rules (422/409) and returns the new registrant; does not mutate state. */
export function buildRegistration(body: RegistrationBody, ctx: RegistrationContext): PersonRecord {
  const { event, session } = ctx;
  if (session.attributes.status !== 'upcoming' || event.attributes.status !== 'published') {
    throw unprocessable(
      `This session is not open for registration (session status: ${session.attributes.status}, event status: ${event.attributes.status})`,
    );
  }
  const attrs = body.data.attributes;
  const definitions = new Map(event.attributes.fields.map((f) => [f.id, f]));

  const submitted = new Map<string, FieldValue>();
  for (const { id, value } of attrs.fields) {
    if (submitted.has(id)) throw unprocessable(`Field "${id}" is present more than once`);
    submitted.set(id, value);
  }

  const rawEmail = submitted.get('email');
  const emailValue = typeof rawEmail === 'string' ? rawEmail.trim().toLowerCase() : '';
  if (emailValue === '') throw unprocessable('Email is required: add {"id":"email","value":"..."} to fields');
  if (!isValidEmail(emailValue)) throw unprocessable(`Email "${emailValue}" is not a valid email address`);

  const values = new Map<string, FieldValue>();
  for (const [id, value] of submitted) {
    const field = definitions.get(id);
    if (!field) {
      throw unprocessable(`Field "${id}" is not part of this event's registration form (fields: ${[...definitions.keys()].join(', ')})`);
    }
    values.set(id, id === 'email' ? emailValue : normalizeValue(field, value));
  }

  const duplicate = ctx.sessionPeople.some((p) => p.attributes.email.toLowerCase() === emailValue);
  if (duplicate) throw new HttpError(409, 'This person is already registered to this session');

  const text = (id: string): string | null => {
    const v = values.get(id);
    return typeof v === 'string' && v !== '' ? v : null;
  };
  const tracking = (v: string | null | undefined): string | null => v ?? null;

  return buildPerson({
    personId: randomUUID(),
    event,
    session,
    email: emailValue,
    firstName: text('first_name'),
    lastName: text('last_name'),
    avatarLink: text('avatar'),
    fields: echoFields(event.attributes.fields, (f) => values.get(f.id) ?? null),
    passwordKey: randomBytes(11).toString('hex'),
    createdAt: ctx.nowS,
    tracking: {
      referrer: tracking(attrs.referrer),
      utm_source: tracking(attrs.utm_source),
      utm_medium: tracking(attrs.utm_medium),
      utm_term: tracking(attrs.utm_term),
      utm_content: tracking(attrs.utm_content),
      utm_campaign: tracking(attrs.utm_campaign),
    },
  });
}
