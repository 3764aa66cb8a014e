import { describe, expect, it } from 'vitest';
import type { FieldKind, FieldLabel, RegistrationField } from '@/lib/livestorm/types';
import { answerName, buildFormModel, labelFromSlug, type FormField } from '@/lib/registration/form-model';
import {
  buildRegistrationSchema,
  MAX_TEXT_LENGTH,
  readRegistrationForm,
  toAnswers,
  validateRegistration,
} from '@/lib/registration/schema';

const OPTIONS = ['Small', 'Large'];
const LABEL = 'Team Name';
const lower = LABEL.toLowerCase();
const OPEN = { sessionIds: ['s1', 's2'] };

function raw(kind: FieldKind, id: string, overrides: Partial<RegistrationField> = {}): RegistrationField {
  const base = { id, order: 0, required: false, custom: true };
  switch (kind) {
    case 'single_choice':
    case 'multiple_choice':
      return { ...base, kind, options: OPTIONS, ...overrides } as RegistrationField;
    case 'unknown':
      return { ...base, kind, rawType: 'mystery', ...overrides } as RegistrationField;
    default:
      return { ...base, kind, ...overrides } as RegistrationField;
  }
}

function formField(kind: FieldKind, required: boolean, id = 'answer'): FormField {
  return { ...raw(kind, id, { required }), label: LABEL, placeholder: null, autoComplete: null, privacyUrl: null };
}

/** Validates one field of the given kind with an open session chosen. */
function check(kind: FieldKind, required: boolean, value: unknown) {
  const field = formField(kind, required);
  return validateRegistration([field], OPEN, { sessionIds: ['s1'], answers: { [field.id]: value } });
}

const REQUIRED_MESSAGE: Record<FieldKind, string> = {
  text: `Enter your ${lower}.`,
  unknown: `Enter your ${lower}.`,
  email: `Enter your ${lower}.`,
  url: `Enter your ${lower}.`,
  image_url: `Enter your ${lower}.`,
  single_choice: `Choose an answer for ${lower}.`,
  multiple_choice: `Choose at least one answer for ${lower}.`,
  consent: `Tick the box to agree: ${LABEL}.`,
};

const EMPTY: Array<[FieldKind, unknown, unknown]> = [
  ...(['text', 'unknown', 'email', 'url', 'image_url', 'single_choice'] as const).flatMap(
    (kind): Array<[FieldKind, unknown, unknown]> => [
      [kind, '', ''],
      [kind, '   ', ''],
      [kind, undefined, ''],
      [kind, null, ''],
      [kind, [], ''],
    ],
  ),
  ['multiple_choice', [], []],
  ['multiple_choice', [''], []],
  ['multiple_choice', '', []],
  ['multiple_choice', undefined, []],
  ['consent', undefined, false],
  ['consent', false, false],
  ['consent', 'off', false],
  ['consent', '', false],
];

describe('validateRegistration: empty values', () => {
  it.each(EMPTY)('required %s with %j gives its specific message', (kind, value) => {
    expect(check(kind, true, value)).toEqual({ ok: false, fieldErrors: { 'answers.answer': REQUIRED_MESSAGE[kind] } });
  });

  it.each(EMPTY)('optional %s accepts %j as %j', (kind, value, expected) => {
    expect(check(kind, false, value)).toEqual({ ok: true, values: { sessionIds: ['s1'], answers: { answer: expected } } });
  });
});

const ACCEPTED: Array<[FieldKind, unknown, unknown]> = [
  ['text', '  Acme  ', 'Acme'],
  ['text', ['First', 'Second'], 'First'],
  ['text', 'a'.repeat(MAX_TEXT_LENGTH), 'a'.repeat(MAX_TEXT_LENGTH)],
  ['unknown', ' anything at all ', 'anything at all'],
  ['email', '  Ada.Lovelace@Example.COM ', 'ada.lovelace@example.com'],
  ['email', 'ada+tag@sub.example.co.uk', 'ada+tag@sub.example.co.uk'],
  ['url', 'http://acme.com', 'http://acme.com'],
  ['url', ' https://acme.com/about?x=1 ', 'https://acme.com/about?x=1'],
  ['image_url', 'https://cdn.acme.com/me.png', 'https://cdn.acme.com/me.png'],
  ['image_url', 'https://cdn.acme.com/me.JPG', 'https://cdn.acme.com/me.JPG'],
  ['image_url', 'https://cdn.acme.com/a/me.jpeg?size=2', 'https://cdn.acme.com/a/me.jpeg?size=2'],
  ['single_choice', ' Large ', 'Large'],
  ['single_choice', ['Small', 'Large'], 'Small'],
  ['multiple_choice', 'Small', ['Small']],
  ['multiple_choice', ['Large', 'Small'], ['Large', 'Small']],
  ['multiple_choice', ['Small', 'Large', 'Small', ''], ['Small', 'Large']],
  ['consent', 'on', true],
  ['consent', true, true],
  ['consent', 'true', true],
  ['consent', '1', true],
  ['consent', 'yes', true],
];

describe('validateRegistration: accepted values', () => {
  it.each(ACCEPTED.flatMap(([kind, value, out]) => [true, false].map((required) => [kind, required, value, out] as const)))(
    '%s (required: %s) accepts %j as %j',
    (kind, required, value, expected) => {
      expect(check(kind, required, value)).toEqual({
        ok: true,
        values: { sessionIds: ['s1'], answers: { answer: expected } },
      });
    },
  );
});

const tooLong = `${LABEL} must be ${MAX_TEXT_LENGTH} characters or fewer.`;
const badEmail = 'Enter an email address like name@company.com.';
const badUrl = `${LABEL} must be a web address starting with https://.`;
const badImage = `${LABEL} must be a public image address starting with https://.`;
const notImage = `${LABEL} must point to a PNG or JPG image.`;

const INVALID: Array<[FieldKind, unknown, string]> = [
  ['text', 'a'.repeat(MAX_TEXT_LENGTH + 1), tooLong],
  ['text', ` ${'a'.repeat(MAX_TEXT_LENGTH + 1)} `, tooLong],
  ['unknown', 'b'.repeat(300), tooLong],
  ['email', 'ada', badEmail],
  ['email', 'ada@acme', badEmail],
  ['email', 'ada@@acme.com', badEmail],
  ['email', 'ada lovelace@acme.com', badEmail],
  ['email', 'ada@acme.c', badEmail],
  ['email', '<ada@acme.com>', badEmail],
  ['email', `${'a'.repeat(250)}@acme.com`, tooLong],
  ['url', 'acme.com', badUrl],
  ['url', 'ftp://acme.com', badUrl],
  ['url', 'javascript:alert(1)', badUrl],
  ['url', 'https://localhost', badUrl],
  ['url', `https://acme.com/${'a'.repeat(250)}`, tooLong],
  ['image_url', 'http://cdn.acme.com/me.png', badImage],
  ['image_url', 'cdn.acme.com/me.png', badImage],
  ['image_url', 'data:image/png;base64,AAAA', badImage],
  ['image_url', 'https://cdn.acme.com/me.gif', notImage],
  ['image_url', 'https://cdn.acme.com/me.png.svg', notImage],
  ['image_url', 'https://cdn.acme.com/?file=me.png', notImage],
  ['single_choice', 'Medium', `Choose one of the listed answers for ${lower}.`],
  ['single_choice', 'small', `Choose one of the listed answers for ${lower}.`],
  ['single_choice', 'x'.repeat(300), `Choose one of the listed answers for ${lower}.`],
  ['multiple_choice', ['Small', 'Medium'], `Choose only listed answers for ${lower}.`],
  ['multiple_choice', 'Medium', `Choose only listed answers for ${lower}.`],
];

describe('validateRegistration: invalid values', () => {
  it.each(INVALID.flatMap(([kind, value, message]) => [true, false].map((required) => [kind, required, value, message] as const)))(
    '%s (required: %s) rejects %j',
    (kind, required, value, message) => {
      expect(check(kind, required, value)).toEqual({ ok: false, fieldErrors: { 'answers.answer': message } });
    },
  );
});

describe('validateRegistration: sessions and error keys', () => {
  const fields = [formField('email', true, 'email'), formField('text', true, 'company')];
  const answers = { email: 'ada@acme.com', company: 'Acme' };

  it.each([
    [undefined, 'Choose at least one session.'],
    [[], 'Choose at least one session.'],
    ['', 'Choose at least one session.'],
    [['s9'], 'One of the chosen sessions is no longer open. Choose another session.'],
    [['s1', 's9'], 'One of the chosen sessions is no longer open. Choose another session.'],
  ])('sessionIds %j → %s', (sessionIds, message) => {
    expect(validateRegistration(fields, OPEN, { sessionIds, answers })).toEqual({
      ok: false,
      fieldErrors: { sessionIds: message },
    });
  });

  it.each([
    ['s1', ['s1']],
    [['s2', 's1', 's2'], ['s2', 's1']],
  ])('sessionIds %j are accepted as %j', (sessionIds, expected) => {
    const result = validateRegistration(fields, OPEN, { sessionIds, answers });
    expect(result).toEqual({ ok: true, values: { sessionIds: expected, answers } });
  });

  it('names every problem by its control name, first message per control', () => {
    const result = validateRegistration(fields, OPEN, { sessionIds: [], answers: { email: 'nope', company: '' } });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        sessionIds: 'Choose at least one session.',
        [answerName('email')]: badEmail,
        [answerName('company')]: `Enter your ${lower}.`,
      },
    });
  });

  it('exposes the same rules as a zod schema for the browser', () => {
    const schema = buildRegistrationSchema(fields, OPEN);
    expect(schema.safeParse({ sessionIds: ['s1'], answers: { email: ' ADA@acme.com', company: 'Acme' } }).data).toEqual({
      sessionIds: ['s1'],
      answers: { email: 'ada@acme.com', company: 'Acme' },
    });
    expect(schema.safeParse({ sessionIds: ['s1'], answers }).success).toBe(true);
  });
});

describe('readRegistrationForm', () => {
  const fields: FormField[] = [
    formField('email', true, 'email'),
    formField('text', false, 'company'),
    formField('multiple_choice', false, 'sizes'),
    formField('consent', false, 'newsletter'),
    formField('consent', true, 'terms'),
    formField('single_choice', false, 'size'),
  ];

  function form(entries: Array<[string, string | File]>): FormData {
    const data = new FormData();
    for (const [name, value] of entries) data.append(name, value);
    return data;
  }

  it('reads a real FormData: several values, absent checkbox, extra keys and files ignored', () => {
    const data = form([
      ['sessionIds', 's1'],
      ['sessionIds', 's2'],
      ['answers.email', '  Ada@Acme.com '],
      ['answers.company', new File(['x'], 'evil.txt')],
      ['answers.company', '  Acme '],
      ['answers.company', 'Second'],
      ['answers.sizes', 'Small'],
      ['answers.sizes', new File(['x'], 'evil.txt')],
      ['answers.sizes', 'Large'],
      ['answers.terms', 'on'],
      ['answers.size', new File(['x'], 'evil.txt')],
      ['answers.extra', 'ignored'],
      ['role', 'admin'],
    ]);
    expect(readRegistrationForm(data, fields)).toEqual({
      sessionIds: ['s1', 's2'],
      answers: { email: 'Ada@Acme.com', company: 'Acme', sizes: ['Small', 'Large'], newsletter: false, terms: true, size: '' },
    });
  });

  it('reads an empty form as empty answers', () => {
    expect(readRegistrationForm(new FormData(), fields)).toEqual({
      sessionIds: [],
      answers: { email: '', company: '', sizes: [], newsletter: false, terms: false, size: '' },
    });
  });

  it('caps the number of session ids', () => {
    const data = form(Array.from({ length: 60 }, (_, i): [string, string] => ['sessionIds', `s${i}`]));
    expect(readRegistrationForm(data, fields).sessionIds).toHaveLength(50);
  });

  it('feeds validateRegistration, and toAnswers keeps form order', () => {
    const data = form([
      ['answers.size', 'Large'],
      ['answers.terms', 'on'],
      ['answers.sizes', 'Large'],
      ['answers.sizes', 'Large'],
      ['answers.email', 'ADA@acme.com'],
      ['sessionIds', 's2'],
    ]);
    const result = validateRegistration(fields, OPEN, readRegistrationForm(data, fields));
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    expect(toAnswers(fields, result.values)).toEqual([
      { id: 'email', value: 'ada@acme.com' },
      { id: 'company', value: '' },
      { id: 'sizes', value: ['Large'] },
      { id: 'newsletter', value: false },
      { id: 'terms', value: true },
      { id: 'size', value: 'Large' },
    ]);
  });

  it('toAnswers gives null for an answer that is missing', () => {
    expect(toAnswers(fields.slice(0, 2), { sessionIds: [], answers: { company: 'Acme' } })).toEqual([
      { id: 'email', value: null },
      { id: 'company', value: 'Acme' },
    ]);
  });
});

describe('buildFormModel', () => {
  const labels: FieldLabel[] = [
    { slug: 'company', name: ' Company name ', placeholder: ' Acme Inc. ' },
    { slug: 'first_name', name: 'Prénom', placeholder: 'Ada' },
    { slug: 'email', name: 'E-mail', placeholder: null },
    { slug: 'blank', name: '   ', placeholder: '  ' },
    { slug: 'newsletter', name: 'Newsletter', placeholder: null },
  ];
  const byId = (model: FormField[]) => Object.fromEntries(model.map((field) => [field.id, field]));

  it('adds a required email first when the event lacks one', () => {
    const model = buildFormModel([raw('text', 'company', { order: 2 }), raw('text', 'first_name', { order: 0 })], labels);
    expect(model.map((field) => field.id)).toEqual(['email', 'first_name', 'company']);
    expect(model[0]).toEqual({
      id: 'email', kind: 'email', order: -1, required: true, custom: false, label: 'Email address', placeholder: null,
      autoComplete: 'email', privacyUrl: null,
    });
  });

  it('keeps the event email where it is, always required', () => {
    const model = buildFormModel(
      [raw('text', 'company', { order: 0 }), raw('email', 'email', { order: 5, required: false, custom: false })],
      labels,
    );
    expect(model.map((field) => [field.id, field.required])).toEqual([
      ['company', false],
      ['email', true],
    ]);
  });

  it('uses workspace labels for custom fields and built-in labels for built-ins, with slug fallback', () => {
    const model = byId(
      buildFormModel(
        [
          raw('text', 'company'),
          raw('text', 'first_name', { custom: false }),
          raw('text', 'last_name', { custom: false }),
          raw('image_url', 'avatar', { custom: false }),
          raw('text', 'blank'),
          raw('text', 'job_title'),
        ],
        labels,
      ),
    );
    expect(Object.values(model).map((field) => [field.id, field.label, field.placeholder])).toEqual([
      ['email', 'Email address', null],
      ['company', 'Company name', 'Acme Inc.'],
      ['first_name', 'First name', 'Ada'],
      ['last_name', 'Last name', null],
      ['avatar', 'Profile picture URL', null],
      ['blank', 'Blank', null],
      ['job_title', 'Job title', null],
    ]);
  });

  it('overrides only the configured consent field of kind consent', () => {
    const consent = { fieldId: 'newsletter', text: 'Send me product news.', privacyUrl: 'https://acme.com/privacy' };
    const model = byId(buildFormModel([raw('consent', 'newsletter'), raw('consent', 'terms')], labels, consent));
    expect([model.newsletter?.label, model.newsletter?.privacyUrl]).toEqual(['Send me product news.', 'https://acme.com/privacy']);
    expect([model.terms?.label, model.terms?.privacyUrl]).toEqual(['Terms', null]);

    const wrongKind = byId(buildFormModel([raw('text', 'newsletter')], labels, consent));
    expect([wrongKind.newsletter?.label, wrongKind.newsletter?.privacyUrl]).toEqual(['Newsletter', null]);

    const none = byId(buildFormModel([raw('consent', 'newsletter')], labels));
    expect([none.newsletter?.label, none.newsletter?.privacyUrl]).toEqual(['Newsletter', null]);
  });

  it('drops unsafe ids and sorts by order', () => {
    const model = buildFormModel(
      [
        raw('text', 'zeta', { order: 3 }),
        raw('text', 'bad id', { order: 0 }),
        raw('text', 'a.b', { order: 0 }),
        raw('text', 'answers[0]', { order: 0 }),
        raw('text', '', { order: 0 }),
        raw('text', 'x'.repeat(101), { order: 0 }),
        raw('text', 'ok-id_2', { order: 1 }),
        raw('text', 'y'.repeat(100), { order: 2 }),
      ],
      [],
    );
    expect(model.map((field) => field.id)).toEqual(['email', 'ok-id_2', 'y'.repeat(100), 'zeta']);
  });

  it.each([
    ['email', 'email', 'email'],
    ['first_name', 'text', 'given-name'],
    ['last_name', 'text', 'family-name'],
    ['company', 'text', 'organization'],
    ['company_name', 'text', 'organization'],
    ['organization', 'text', 'organization'],
    ['job_title', 'text', 'organization-title'],
    ['job', 'text', 'organization-title'],
    ['website', 'text', 'url'],
    ['linkedin', 'url', 'url'],
    ['country', 'single_choice', 'country-name'],
    ['phone', 'text', 'tel'],
    ['phone_number', 'text', 'tel'],
    ['nickname', 'text', null],
    ['avatar', 'image_url', null],
  ] as const)('autocomplete for %s (%s) is %j', (id, kind, token) => {
    const field = buildFormModel([raw(kind, id)], []).find((f) => f.id === id);
    expect(field?.autoComplete).toBe(token);
  });
});

describe('labelFromSlug', () => {
  it.each([
    ['job_title', 'Job title'],
    ['jobTitle', 'Job title'],
    ['company-name', 'Company name'],
    ['utm.source', 'Utm source'],
    ['  spaced   out ', 'Spaced out'],
    ['ABC', 'Abc'],
    ['phone2Number', 'Phone2 number'],
    ['__double__under__', 'Double under'],
    ['x', 'X'],
    ['', 'Answer'],
    ['_-.', 'Answer'],
  ])('%j → %j', (slug, label) => {
    expect(labelFromSlug(slug)).toBe(label);
  });
});

describe('field ids that collide with object prototype keys', () => {
  it.each(['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'])('%s is left out of the form', (id) => {
    const fields = buildFormModel([{ id, kind: 'text', order: 1, required: true, custom: true }], []);
    expect(fields.map((field) => field.id)).toEqual(['email']);
  });
});
