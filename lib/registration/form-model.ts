import type { FieldLabel, RegistrationField } from '@/lib/livestorm/types';

/**
 * The registration form as the visitor sees it: each event field with a human label. Built on the
 * server (labels come from Livestorm's People Attributes) and passed to the client form as props.
 * No `server-only`: the client form and the server action both use it.
 */
export type FormField = RegistrationField & {
  label: string;
  placeholder: string | null;
  /** HTML autocomplete token (WCAG 1.3.5), when the field's purpose is known. */
  autoComplete: string | null;
  /** A privacy-policy link shown with a consent checkbox. */
  privacyUrl: string | null;
};

export interface ConsentOverride {
  fieldId: string;
  text: string;
  privacyUrl: string | null;
}

const BUILT_IN_LABELS: Record<string, string> = {
  email: 'Email address',
  first_name: 'First name',
  last_name: 'Last name',
  avatar: 'Profile picture URL',
};

const AUTOCOMPLETE: Record<string, string> = {
  email: 'email',
  first_name: 'given-name',
  last_name: 'family-name',
  company: 'organization',
  company_name: 'organization',
  organization: 'organization',
  job_title: 'organization-title',
  job: 'organization-title',
  website: 'url',
  country: 'country-name',
  phone: 'tel',
  phone_number: 'tel',
};

/** `job_title` → "Job title": readable when the workspace's own name is unavailable. */
export function labelFromSlug(slug: string): string {
  const words = slug
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  if (words.length === 0) return 'Answer';
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Livestorm needs an email for every API registration (docs/livestorm-api.md §5); events that do not list it still get one. */
const EMAIL_FIELD: RegistrationField = { id: 'email', kind: 'email', order: -1, required: true, custom: false };

/** Field ids become form control names (`answers.<id>`); anything unusual is kept out of paths. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function buildFormModel(
  fields: readonly RegistrationField[],
  labels: readonly FieldLabel[],
  consent: ConsentOverride | null = null,
): FormField[] {
  const bySlug = new Map(labels.map((label) => [label.slug, label]));
  // Ids such as `constructor` or `__proto__` would collide with object prototype keys downstream.
  const usable = fields.filter((field) => SAFE_ID.test(field.id) && !(field.id in Object.prototype) && field.id !== '__proto__');
  const withEmail = usable.some((field) => field.id === 'email') ? usable : [EMAIL_FIELD, ...usable];
  return [...withEmail]
    .sort((a, b) => a.order - b.order)
    .map((field) => {
      const workspace = bySlug.get(field.id);
      const base = field.id === 'email' ? { ...field, required: true } : field;
      const isMarketingConsent = consent !== null && field.id === consent.fieldId && field.kind === 'consent';
      return {
        ...base,
        label: isMarketingConsent
          ? consent.text
          : ((Object.hasOwn(BUILT_IN_LABELS, field.id) ? BUILT_IN_LABELS[field.id] : null) ??
            (workspace?.name.trim() || labelFromSlug(field.id))),
        placeholder: workspace?.placeholder?.trim() || null,
        autoComplete: (Object.hasOwn(AUTOCOMPLETE, field.id) ? AUTOCOMPLETE[field.id] : null) ?? (field.kind === 'url' ? 'url' : null),
        privacyUrl: isMarketingConsent ? consent.privacyUrl : null,
      };
    });
}

/** The control name of a field's answer, shared by the form, the FormData parser and error paths. */
export const answerName = (fieldId: string) => `answers.${fieldId}` as const;
