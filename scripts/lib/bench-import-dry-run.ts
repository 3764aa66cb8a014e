// Child process of `npm run bench`: a contact list of N rows (written to a temporary file, read back
// as a stream) through the import's dry run, the same functions the console and the CLI use.
// Prints one JSON line: rows, seconds, and the process's memory before and at its peak.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { guessColumns } from '../../lib/imports/columns';
import { createRowChecker } from '../../lib/imports/rows';
import { openCsv } from '../../lib/imports/server/csv';
import { buildFormModel } from '../../lib/registration/form-model';

const rows = Number(process.argv[2] ?? 50_000);
const fields = buildFormModel(
  [
    { id: 'email', kind: 'email', order: 0, required: true, custom: false },
    { id: 'first_name', kind: 'text', order: 1, required: true, custom: false },
    { id: 'last_name', kind: 'text', order: 2, required: true, custom: false },
    { id: 'company', kind: 'text', order: 3, required: false, custom: true },
  ],
  [],
);

const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
const file = path.join(dir, 'contacts.csv');
const lines = ['E-mail;Prénom;Nom;Société;utm_source'];
for (let i = 0; i < rows; i += 1) {
  // Every 50th row is a duplicate, every 97th an invalid address: a dry run has work to report.
  const email = i % 97 === 0 ? `not-an-address-${i}` : `person.${i % 50 === 49 ? i - 1 : i}@example.com`;
  lines.push(`${email};Zoë ${i};Müller;"Société ${i % 300}, SA";list-2026`);
}
writeFileSync(file, `\ufeff${lines.join('\r\n')}\r\n`);
lines.length = 0;

global.gc?.();
const before = process.memoryUsage().rss;
let peak = before;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const startedAt = performance.now();
const table = await openCsv(createReadStream(file));
const checker = createRowChecker(guessColumns(table.headers, fields), fields, ['session-1']);
for await (const row of table.rows) checker.check(row);
const { valid, problems } = checker.result();
const seconds = (performance.now() - startedAt) / 1000;
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ rows, valid: valid.length, problems: problems.length, seconds, beforeMb: before / 2 ** 20, peakMb: peak / 2 ** 20 }));
