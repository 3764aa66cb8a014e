import { describe, expect, it } from 'vitest';
import { guessColumns, normalizeHeader, unmappedRequiredFields, type ColumnTarget } from '@/lib/imports/columns';
import { importPreflight } from '@/lib/imports/preflight';
import { checkRows, type ImportRow } from '@/lib/imports/rows';
import { detectDelimiter, detectEncoding, ImportFileError, openCsv } from '@/lib/imports/server/csv';
import type { RegistrationField } from '@/lib/livestorm/types';
import { buildFormModel } from '@/lib/registration/form-model';

// Bulk import, the pure parts and the CSV reader: column guessing, dialects and encodings, the dry
// run's row checks, and the quota preflight.

const RAW_FIELDS: RegistrationField[] = [
  { id: 'email', kind: 'email', order: 0, required: true, custom: false },
  { id: 'first_name', kind: 'text', order: 1, required: true, custom: false },
  { id: 'last_name', kind: 'text', order: 2, required: false, custom: false },
  { id: 'company', kind: 'text', order: 3, required: true, custom: true },
  { id: 'job_title', kind: 'text', order: 4, required: false, custom: true },
  { id: 'interests', kind: 'multiple_choice', order: 5, required: false, custom: true, options: ['API', 'Dashboards', 'Reporting'] },
  { id: 'newsletter_optin', kind: 'consent', order: 6, required: false, custom: true },
];
const FIELDS = buildFormModel(RAW_FIELDS, [{ slug: 'interests', name: "Centres d'intérêt", placeholder: null }]);

const field = (fieldId: string): ColumnTarget => ({ kind: 'field', fieldId });
const IGNORE: ColumnTarget = { kind: 'ignore' };

describe('guessing columns', () => {
  it.each([
    ['E-mail', field('email')],
    ['Email Address', field('email')],
    ['Adresse e-mail', field('email')],
    ['Correo electrónico', field('email')],
    ['E-Mail-Adresse', field('email')],
    ['Prénom', field('first_name')],
    ['First name', field('first_name')],
    ['Vorname', field('first_name')],
    ['Nombre', field('first_name')],
    ['Nom de famille', field('last_name')],
    ['Surname', field('last_name')],
    ['Nachname', field('last_name')],
    ['Apellidos', field('last_name')],
    ['Société', field('company')],
    ['Organisation', field('company')],
    ['Unternehmen', field('company')],
    ['Job title', field('job_title')],
    ['Fonction', field('job_title')],
    ['job_title', field('job_title')],
    ["Centres d'intérêt", field('interests')],
    ['UTM_Source', { kind: 'utm', param: 'utm_source' }],
    ['utm campaign', { kind: 'utm', param: 'utm_campaign' }],
    ['Favourite colour', IGNORE],
  ] as const)('"%s"', (header, expected) => {
    expect(guessColumns([header], FIELDS)).toEqual([expected]);
  });

  it('gives a field its first matching column only, and names the required fields left without one', () => {
    const targets = guessColumns(['Email', 'E-mail (work)', 'Mail', 'Prénom'], FIELDS);
    expect(targets).toEqual([field('email'), IGNORE, IGNORE, field('first_name')]);
    expect(unmappedRequiredFields(targets, FIELDS).map((f) => f.id)).toEqual(['company']);
  });

  it('folds case, accents and punctuation', () => {
    expect(normalizeHeader('  Adresse  E-MAIL ')).toBe('adresse e mail');
  });
});

const collect = async (rows: AsyncIterable<ImportRow>) => {
  const all: ImportRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
};

/** Feeds bytes in small chunks, as a network upload does, splitting multi-byte characters. */
async function* chunks(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function utf16le(text: string, bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

describe('reading CSV files', () => {
  const expected = [
    { rowNumber: 2, cells: ['zoë@example.com', 'Zoë', 'Société Générale'] },
    { rowNumber: 3, cells: ['li@example.com', 'Lǐ', 'Acme, Inc.'] },
  ];

  it.each([
    ['comma, UTF-8, LF', Buffer.from('Email,Prénom,Company\nzoë@example.com,Zoë,Société Générale\nli@example.com,Lǐ,"Acme, Inc."\n'), 'utf-8', ','],
    ['semicolon, UTF-8 with BOM, CRLF', Buffer.from('\ufeffEmail;Prénom;Company\r\nzoë@example.com;Zoë;Société Générale\r\nli@example.com;Lǐ;Acme, Inc.\r\n'), 'utf-8', ';'],
    ['tab, UTF-16 LE with BOM (Excel)', utf16le('Email\tPrénom\tCompany\r\nzoë@example.com\tZoë\tSociété Générale\r\nli@example.com\tLǐ\tAcme, Inc.\r\n'), 'utf-16le', '\t'],
    ['semicolon, UTF-16 LE without BOM', utf16le('Email;Prénom;Company\nzoë@example.com;Zoë;Société Générale\nli@example.com;Lǐ;Acme, Inc.\n', false), 'utf-16le', ';'],
  ] as const)('%s', async (_name, bytes, encoding, delimiter) => {
    for (const input of [bytes, chunks(bytes)]) {
      const table = await openCsv(input);
      expect(table.encoding).toBe(encoding);
      expect(table.delimiter).toBe(delimiter);
      expect(table.headers).toEqual(['Email', 'Prénom', 'Company']);
      expect(await collect(table.rows)).toEqual(expected);
    }
  });

  it('keeps newlines inside quoted fields and numbers rows as a spreadsheet does', async () => {
    const table = await openCsv(Buffer.from('email,notes\r\na@example.com,"line one\r\nline two"\r\n\r\nb@example.com,x\r\n'));
    expect(await collect(table.rows)).toEqual([
      { rowNumber: 2, cells: ['a@example.com', 'line one\r\nline two'] },
      { rowNumber: 3, cells: ['b@example.com', 'x'] },
    ]);
  });

  it('refuses an empty file, an unclosed quote and a file over the row limit, saying what to do', async () => {
    await expect(openCsv(Buffer.from(''))).rejects.toThrow(/empty.*header row/);
    // csv-parse reads ahead: the error comes at opening or at the first rows, either way a clear refusal.
    const readAll = async (text: string) => collect((await openCsv(Buffer.from(text))).rows);
    await expect(readAll('email,name\na@example.com,"Ann\nb@example.com,Bo\n')).rejects.toThrow(ImportFileError);
    await expect(readAll('email,name\na@example.com,"Ann\nb@example.com,Bo\n')).rejects.toThrow(/quoted value is never closed/);
    const big = await openCsv(Buffer.from(`email\n${Array.from({ length: 6 }, (_, i) => `p${i}@example.com`).join('\n')}\n`), 5);
    await expect(collect(big.rows)).rejects.toThrow(/more than 5 rows/);
  });

  it('detects encodings and delimiters', () => {
    expect(detectEncoding(Uint8Array.from([0xfe, 0xff, 0, 0x45]))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
    expect(detectEncoding(Buffer.from('email'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(detectDelimiter('email')).toBe(',');
  });
});

describe('checking rows (the dry run)', () => {
  const headers = ['E-mail', 'Prénom', 'Nom', 'Société', "Centres d'intérêt", 'Newsletter opt-in', 'utm_source'];
  const targets = guessColumns(headers, FIELDS);
  const rows: ImportRow[] = [
    { rowNumber: 2, cells: ['Zoe@Example.com', 'Zoë', 'Müller', 'Globex', 'API; Reporting', 'oui', 'fair-2026'] },
    { rowNumber: 3, cells: ['not-an-email', 'Ann', '', 'Initech', '', '', ''] },
    { rowNumber: 4, cells: ['ann@example.com', 'Ann', '', '', '', '', ''] },
    { rowNumber: 5, cells: ['zoe@example.com', 'Zoé', '', 'Globex', '', '', ''] },
    { rowNumber: 6, cells: ['李@例子.中国', '李', '', 'Hooli', 'Unknown topic', '', ''] },
    { rowNumber: 7, cells: ['bo@example.com', 'Bo'] },
  ];

  it('reads each row with the form’s own schema, reports each problem, and keeps the first of duplicates', () => {
    const { valid, problems } = checkRows(rows, targets, FIELDS, ['s1', 's2']);
    expect(valid.map((row) => row.rowNumber)).toEqual([2]);
    const zoe = valid[0]!;
    expect(zoe.email).toBe('zoe@example.com');
    expect(zoe.requests.map((request) => request.sessionId)).toEqual(['s1', 's2']);
    const answers = Object.fromEntries(zoe.requests[0]!.answers.map((answer) => [answer.id, answer.value]));
    expect(answers).toMatchObject({ first_name: 'Zoë', last_name: 'Müller', company: 'Globex', interests: ['API', 'Reporting'], newsletter_optin: true });
    expect(zoe.requests[0]!.attribution.utmSource).toBe('fair-2026');
    expect(problems).toEqual([
      { rowNumber: 3, kind: 'invalid', reason: 'Enter an email address like name@company.com.' },
      { rowNumber: 4, kind: 'invalid', reason: expect.stringMatching(/company/i) },
      { rowNumber: 5, kind: 'duplicate', firstRowNumber: 2 },
      { rowNumber: 6, kind: 'invalid', reason: expect.stringMatching(/listed answers/) },
      { rowNumber: 7, kind: 'invalid', reason: expect.stringMatching(/company/i) },
    ]);
  });
});

describe('the quota preflight', () => {
  const base = { sessions: 1, monthlyRemaining: 9_000, reserve: 3_000, webhooks: true, requestsPerSecond: 5, peoplePerJob: 50 };

  it.each([
    [1_000, true, 20, 40],
    [1_000, false, 20, 60],
    [1_001, true, 21, 42],
    [50_000, true, 1_000, 2_000],
  ])('%i people (webhooks %s): %i jobs, %i calls', (people, webhooks, jobs, calls) => {
    const preflight = importPreflight({ ...base, people, webhooks });
    expect(preflight).toMatchObject({ jobs, calls, fits: true, maxPeople: people, remainingAfter: 9_000 - calls });
    expect(preflight.minimumSeconds).toBe(Math.ceil(calls / 5));
  });

  it('counts a job per 50 people per session, and says how many people fit when not all do', () => {
    const preflight = importPreflight({ ...base, people: 2_000, sessions: 2, monthlyRemaining: 3_100, webhooks: false });
    expect(preflight).toMatchObject({ jobs: 80, calls: 240, fits: false, remainingAfter: 2_860 });
    // (3,100 − 3,000) / 3 = 33 jobs, 16 per session: 800 people.
    expect(preflight.maxPeople).toBe(800);
    expect(preflight.callsPerThousand).toBe(60);
  });

  it('lets an import go when the quota is not known yet', () => {
    expect(importPreflight({ ...base, people: 10, monthlyRemaining: null })).toMatchObject({ fits: true, remainingAfter: null });
  });
});
