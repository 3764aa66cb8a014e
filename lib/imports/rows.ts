import { EMPTY_ATTRIBUTION } from '@/lib/attribution';
import type { Attribution, RegistrationRequest } from '@/lib/livestorm/types';
import type { FormField } from '@/lib/registration/form-model';
import { registrationValidator, toAnswers, type RegistrationValues } from '@/lib/registration/schema';
import type { ColumnTarget, UtmParam } from './columns';

/**
 * The dry run: every row read with the mapping and checked with the registration form's own
 * schema (the one the site's form and action use), and duplicates inside the file found by e-mail
 * (case-insensitive). Pure: the same on the console and on the command line.
 */

export interface ImportRow {
  /** 1-based line of the file, counting the header as line 1, as spreadsheets number it. */
  rowNumber: number;
  cells: readonly string[];
}

export interface ValidRow {
  rowNumber: number;
  email: string;
  /** One request per chosen session, ready for Livestorm. */
  requests: RegistrationRequest[];
}

export type RowProblem =
  | { rowNumber: number; kind: 'invalid'; reason: string }
  | { rowNumber: number; kind: 'duplicate'; firstRowNumber: number };

export interface RowCheck {
  valid: ValidRow[];
  problems: RowProblem[];
}

const UTM_KEYS: Record<UtmParam, keyof Attribution> = {
  utm_source: 'utmSource',
  utm_medium: 'utmMedium',
  utm_campaign: 'utmCampaign',
  utm_term: 'utmTerm',
  utm_content: 'utmContent',
};

const YES = new Set(['1', 'true', 'yes', 'y', 'x', 'oui', 'ja', 'si', 'sí', 'vrai', 'wahr', 'on', 'checked']);

/** A spreadsheet cell as the form would have sent it for this kind of field. */
function cellValue(field: FormField, raw: string): string | string[] | boolean {
  const text = raw.trim();
  if (field.kind === 'consent') return YES.has(text.toLowerCase());
  if (field.kind === 'multiple_choice') return text === '' ? [] : text.split(/\s*[;|]\s*/).filter(Boolean);
  return text;
}

function rowValues(cells: readonly string[], targets: readonly ColumnTarget[], fields: readonly FormField[], sessionIds: readonly string[]) {
  const answers: RegistrationValues['answers'] = {};
  const attribution: Attribution = { ...EMPTY_ATTRIBUTION };
  targets.forEach((target, column) => {
    const raw = cells[column] ?? '';
    if (target.kind === 'utm') {
      const value = raw.trim();
      if (value) attribution[UTM_KEYS[target.param]] = value.slice(0, 255);
    } else if (target.kind === 'field') {
      const field = fields.find((candidate) => candidate.id === target.fieldId);
      if (field) answers[field.id] = cellValue(field, raw);
    }
  });
  for (const field of fields) answers[field.id] ??= field.kind === 'consent' ? false : field.kind === 'multiple_choice' ? [] : '';
  return { values: { sessionIds: [...sessionIds], answers }, attribution };
}

/**
 * The dry run one row at a time, for files read as a stream: `check` each row as it comes, then
 * `result()`. `sessionIds` are the sessions the list is registered to (all open).
 */
export function createRowChecker(targets: readonly ColumnTarget[], fields: readonly FormField[], sessionIds: readonly string[]) {
  const valid: ValidRow[] = [];
  const problems: RowProblem[] = [];
  const firstRowOf = new Map<string, number>();
  const validate = registrationValidator(fields, { sessionIds });
  return {
    check(row: ImportRow): void {
      const { values, attribution } = rowValues(row.cells, targets, fields, sessionIds);
      const result = validate(values);
      if (!result.ok) {
        // The first problem, in the words the form uses ("Enter an email address like …").
        problems.push({ rowNumber: row.rowNumber, kind: 'invalid', reason: Object.values(result.fieldErrors)[0] ?? 'invalid row' });
        return;
      }
      const email = String(result.values.answers.email ?? '');
      const first = firstRowOf.get(email);
      if (first !== undefined) {
        problems.push({ rowNumber: row.rowNumber, kind: 'duplicate', firstRowNumber: first });
        return;
      }
      firstRowOf.set(email, row.rowNumber);
      const answers = toAnswers(fields, result.values);
      valid.push({
        rowNumber: row.rowNumber,
        email,
        requests: result.values.sessionIds.map((sessionId) => ({ sessionId, email, answers, attribution })),
      });
    },
    result(): RowCheck {
      return { valid, problems };
    },
  };
}

/** Checks every row of a list already in memory (see createRowChecker for a stream). */
export function checkRows(
  rows: Iterable<ImportRow>,
  targets: readonly ColumnTarget[],
  fields: readonly FormField[],
  sessionIds: readonly string[],
): RowCheck {
  const checker = createRowChecker(targets, fields, sessionIds);
  for (const row of rows) checker.check(row);
  return checker.result();
}
