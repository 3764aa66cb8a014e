import { z } from 'zod';
import type { Answer, FieldKind } from '@/lib/livestorm/types';
import type { FormField } from './form-model';

/**
 * One schema for both sides: react-hook-form validates with it in the browser, and the server
 * action validates the same values again, built from the event's fields as the server loaded them.
 * Required-ness is ours to enforce: Livestorm's API only insists on the email.
 */

export const MAX_TEXT_LENGTH = 255;

/** What a form control hands over: FormData gives strings (or several), react-hook-form gives typed values. */
type Raw = unknown;

function text(raw: Raw): string {
  if (Array.isArray(raw)) return text(raw[0]);
  return typeof raw === 'string' ? raw.trim() : '';
}

function list(raw: Raw): string[] {
  if (Array.isArray(raw)) return raw.filter((item): item is string => typeof item === 'string' && item !== '');
  return typeof raw === 'string' && raw !== '' ? [raw] : [];
}

function checked(raw: Raw): boolean {
  return raw === true || raw === 'on' || raw === 'true' || raw === '1' || raw === 'yes';
}

const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:.]{2,}$/;

function isWebUrl(value: string, protocols: readonly string[]): URL | null {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname.includes('.') ? url : null;
  } catch {
    return null;
  }
}

function textValue(field: FormField, check?: (value: string) => string | null) {
  return z.preprocess(
    text,
    z.string().superRefine((value, ctx) => {
      if (value === '') {
        if (field.required) ctx.addIssue({ code: 'custom', message: `Enter your ${field.label.toLowerCase()}.` });
        return;
      }
      if (value.length > MAX_TEXT_LENGTH) {
        ctx.addIssue({ code: 'custom', message: `${field.label} must be ${MAX_TEXT_LENGTH} characters or fewer.` });
        return;
      }
      const problem = check?.(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  );
}

type FieldSchemaBuilder<K extends FieldKind> = (field: Extract<FormField, { kind: K }>) => z.ZodType;

/** One entry per field kind: adding a kind without a schema is a type error. */
const FIELD_SCHEMAS: { [K in FieldKind]: FieldSchemaBuilder<K> } = {
  text: (field) => textValue(field),
  unknown: (field) => textValue(field),
  email: (field) =>
    textValue(field, (value) =>
      value.length <= 254 && EMAIL.test(value) ? null : `Enter an email address like name@company.com.`,
    ).transform((value) => value.toLowerCase()),
  url: (field) =>
    textValue(field, (value) =>
      isWebUrl(value, ['http:', 'https:']) ? null : `${field.label} must be a web address starting with https://.`,
    ),
  image_url: (field) =>
    textValue(field, (value) => {
      const url = isWebUrl(value, ['https:']);
      if (!url) return `${field.label} must be a public image address starting with https://.`;
      return /\.(png|jpe?g)$/i.test(url.pathname) ? null : `${field.label} must point to a PNG or JPG image.`;
    }),
  single_choice: (field) =>
    z.preprocess(
      text,
      z.string().superRefine((value, ctx) => {
        if (value === '') {
          if (field.required) ctx.addIssue({ code: 'custom', message: `Choose an answer for ${field.label.toLowerCase()}.` });
        } else if (!field.options.includes(value)) {
          ctx.addIssue({ code: 'custom', message: `Choose one of the listed answers for ${field.label.toLowerCase()}.` });
        }
      }),
    ),
  multiple_choice: (field) =>
    z.preprocess(
      list,
      z.array(z.string()).superRefine((values, ctx) => {
        if (values.length === 0 && field.required) {
          ctx.addIssue({ code: 'custom', message: `Choose at least one answer for ${field.label.toLowerCase()}.` });
        } else if (values.some((value) => !field.options.includes(value))) {
          ctx.addIssue({ code: 'custom', message: `Choose only listed answers for ${field.label.toLowerCase()}.` });
        }
      }),
    ).transform((values) => [...new Set(values)]),
  consent: (field) =>
    z.preprocess(
      checked,
      z.boolean().refine((value) => value || !field.required, { message: `Tick the box to agree: ${field.label}.` }),
    ),
};

function schemaFor(field: FormField): z.ZodType {
  const build = FIELD_SCHEMAS[field.kind] as FieldSchemaBuilder<typeof field.kind>;
  return build(field as never);
}

export interface RegistrationSchemaOptions {
  /** The sessions the visitor may choose (open sessions of this event, as the server knows them). */
  sessionIds: readonly string[];
}

export function buildRegistrationSchema(fields: readonly FormField[], options: RegistrationSchemaOptions) {
  const answers = z.object(Object.fromEntries(fields.map((field) => [field.id, schemaFor(field)])));
  return z.object({
    sessionIds: z.preprocess(
      list,
      z
        .array(z.string())
        .min(1, { message: 'Choose at least one session.' })
        .refine((ids) => ids.every((id) => options.sessionIds.includes(id)), {
          message: 'One of the chosen sessions is no longer open. Choose another session.',
        }),
    ).transform((ids) => [...new Set(ids)]),
    answers,
  });
}

export type RegistrationSchema = ReturnType<typeof buildRegistrationSchema>;
export type RegistrationFormInput = z.input<RegistrationSchema>;
export type RegistrationValues = {
  sessionIds: string[];
  answers: Record<string, string | string[] | boolean>;
};

/** The answers in form order, ready for Livestorm. */
export function toAnswers(fields: readonly FormField[], values: RegistrationValues): Answer[] {
  return fields.map((field) => ({ id: field.id, value: values.answers[field.id] ?? null }));
}

export type FieldErrors = Record<string, string>;

export type ValidationResult = { ok: true; values: RegistrationValues } | { ok: false; fieldErrors: FieldErrors };

/**
 * A validator for many inputs against one form (an import's rows): the schema is built once. Each
 * problem is named by its control name (`answers.company`, `sessionIds`).
 */
export function registrationValidator(fields: readonly FormField[], options: RegistrationSchemaOptions): (input: unknown) => ValidationResult {
  const schema = buildRegistrationSchema(fields, options);
  return (input) => {
    const parsed = schema.safeParse(input);
    if (parsed.success) return { ok: true, values: parsed.data as RegistrationValues };
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const name = issue.path.map(String).join('.') || 'form';
      fieldErrors[name] ??= issue.message;
    }
    return { ok: false, fieldErrors };
  };
}

/** Validates one submission (see registrationValidator). */
export function validateRegistration(fields: readonly FormField[], options: RegistrationSchemaOptions, input: unknown): ValidationResult {
  return registrationValidator(fields, options)(input);
}

type FormDataLike = Pick<FormData, 'get' | 'getAll'>;

const strings = (values: FormDataEntryValue[]): string[] => values.filter((v): v is string => typeof v === 'string');

/**
 * Reads a submitted form into the shape the schema and react-hook-form share. Only the fields the
 * server knows are read: extra keys a client adds are ignored.
 */
export function readRegistrationForm(formData: FormDataLike, fields: readonly FormField[]): RegistrationValues {
  const answers: RegistrationValues['answers'] = {};
  for (const field of fields) {
    const name = `answers.${field.id}`;
    if (field.kind === 'multiple_choice') answers[field.id] = strings(formData.getAll(name));
    else if (field.kind === 'consent') answers[field.id] = checked(formData.get(name));
    else answers[field.id] = text(strings(formData.getAll(name)).slice(0, 1));
  }
  return {
    sessionIds: strings(formData.getAll('sessionIds')).slice(0, 50),
    answers,
  };
}
