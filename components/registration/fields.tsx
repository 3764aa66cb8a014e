'use client';

import type { ComponentType } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import type { FieldKind } from '@/lib/livestorm/types';
import { answerName, type FormField } from '@/lib/registration/form-model';
import type { RegistrationValues } from '@/lib/registration/schema';

export const inputClass =
  'block w-full rounded-lg border bg-surface px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30 aria-[invalid=true]:border-red-700';

export interface FieldProps<K extends FieldKind = FieldKind> {
  field: Extract<FormField, { kind: K }>;
  register: UseFormRegister<RegistrationValues>;
  /** The submitted value (kept across a failed submit without JavaScript). */
  value: string | string[] | boolean | undefined;
  error: string | undefined;
}

export const fieldId = (field: FormField) => `field-${field.id}`;
const errorId = (field: FormField) => `field-${field.id}-error`;

function Label({ field }: { field: FormField }) {
  return (
    <label htmlFor={fieldId(field)} className="mb-1 block text-sm font-medium text-slate-800">
      {field.label}
      <RequiredMark required={field.required} />
    </label>
  );
}

function RequiredMark({ required }: { required: boolean }) {
  return required ? (
    <span className="text-slate-600">
      {' '}
      <span aria-hidden="true">*</span>
      <span className="sr-only">(required)</span>
    </span>
  ) : (
    <span className="font-normal text-slate-600"> (optional)</span>
  );
}

function ErrorText({ field, error }: { field: FormField; error: string | undefined }) {
  return error ? (
    <p id={errorId(field)} className="mt-1 text-sm font-medium text-red-700">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  ) : null;
}

function describedBy(field: FormField, error: string | undefined, hint?: string): string | undefined {
  return [error ? errorId(field) : null, hint ?? null].filter(Boolean).join(' ') || undefined;
}

const asText = (value: FieldProps['value']) => (typeof value === 'string' ? value : '');
const asList = (value: FieldProps['value']) => (Array.isArray(value) ? value : []);

function TextInput({ field, register, value, error, type }: FieldProps & { type: 'text' | 'email' | 'url' }) {
  const hintId = field.kind === 'image_url' ? `${fieldId(field)}-hint` : undefined;
  return (
    <div>
      <Label field={field} />
      {hintId ? (
        <p id={hintId} className="mb-1 text-sm text-slate-600">
          A public https link to a PNG or JPG image.
        </p>
      ) : null}
      <input
        id={fieldId(field)}
        type={type}
        defaultValue={asText(value)}
        placeholder={field.placeholder ?? undefined}
        autoComplete={field.autoComplete ?? (field.kind === 'image_url' ? 'photo' : 'off')}
        inputMode={type === 'email' ? 'email' : type === 'url' ? 'url' : undefined}
        spellCheck={type === 'text' ? undefined : false}
        aria-required={field.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(field, error, hintId)}
        maxLength={255}
        className={`${inputClass} ${error ? 'border-red-700' : 'border-slate-300'}`}
        {...register(answerName(field.id))}
      />
      <ErrorText field={field} error={error} />
    </div>
  );
}

/** Up to this many answers read best as radio buttons; longer lists become a select. */
const MAX_RADIOS = 5;

function SingleChoice({ field, register, value, error }: FieldProps<'single_choice'>) {
  if (field.options.length > MAX_RADIOS) {
    return (
      <div>
        <Label field={field} />
        <select
          id={fieldId(field)}
          defaultValue={asText(value)}
          aria-required={field.required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(field, error)}
          className={`${inputClass} ${error ? 'border-red-700' : 'border-slate-300'}`}
          {...register(answerName(field.id))}
        >
          <option value="">{field.required ? 'Choose…' : 'No answer'}</option>
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        <ErrorText field={field} error={error} />
      </div>
    );
  }
  return <ChoiceGroup field={field} register={register} value={value} error={error} type="radio" />;
}

function ChoiceGroup({
  field,
  register,
  value,
  error,
  type,
}: FieldProps<'single_choice' | 'multiple_choice'> & { type: 'radio' | 'checkbox' }) {
  const selected = type === 'radio' ? [asText(value)] : asList(value);
  return (
    <fieldset id={fieldId(field)} tabIndex={-1} aria-describedby={describedBy(field, error)} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">
        {field.label}
        <RequiredMark required={field.required} />
        {type === 'checkbox' ? <span className="font-normal text-slate-600"> — choose any</span> : null}
      </legend>
      <div className="flex flex-col gap-1">
        {field.options.map((option, index) => (
          <label key={option} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-2 hover:bg-slate-50">
            <input
              id={`${fieldId(field)}-${index}`}
              type={type}
              value={option}
              defaultChecked={selected.includes(option)}
              className="size-5 accent-accent"
              {...register(answerName(field.id))}
            />
            <span className="text-slate-800">{option}</span>
          </label>
        ))}
      </div>
      <ErrorText field={field} error={error} />
    </fieldset>
  );
}

function Consent({ field, register, value, error }: FieldProps<'consent'>) {
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          id={fieldId(field)}
          type="checkbox"
          defaultChecked={value === true}
          aria-required={field.required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(field, error)}
          className="mt-0.5 size-5 shrink-0 accent-accent"
          {...register(answerName(field.id))}
        />
        <label htmlFor={fieldId(field)} className="text-sm text-slate-800">
          {field.label}
          <RequiredMark required={field.required} />
        </label>
      </div>
      {field.privacyUrl ? (
        <p className="mt-1 pl-8 text-sm">
          <a href={field.privacyUrl} className="font-medium text-accent underline underline-offset-2" target="_blank" rel="noopener noreferrer">
            Privacy policy<span className="sr-only"> (opens in a new tab)</span>
          </a>
        </p>
      ) : null}
      <ErrorText field={field} error={error} />
    </div>
  );
}

/** One component per field kind: a new kind without a renderer is a type error. */
export const FIELD_COMPONENTS: { [K in FieldKind]: ComponentType<FieldProps<K>> } = {
  text: (props) => <TextInput {...props} type="text" />,
  unknown: (props) => <TextInput {...props} type="text" />,
  email: (props) => <TextInput {...props} type="email" />,
  url: (props) => <TextInput {...props} type="url" />,
  image_url: (props) => <TextInput {...props} type="url" />,
  single_choice: SingleChoice,
  multiple_choice: (props) => <ChoiceGroup {...props} type="checkbox" />,
  consent: Consent,
};

export function RegistrationFieldControl(props: FieldProps) {
  const Component = FIELD_COMPONENTS[props.field.kind] as ComponentType<FieldProps>;
  return <Component {...props} />;
}
