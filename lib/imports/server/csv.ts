import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { MAX_IMPORT_ROWS } from '../limits';
import type { ImportRow } from '../rows';

/**
 * Reading a contact list as spreadsheets export it: comma, semicolon or tab; UTF-8 with or without
 * a BOM, or UTF-16 (Excel's "Unicode text"); CRLF; quoted fields holding newlines. Streamed: rows
 * are handed over one by one and the file is never held whole, up to MAX_IMPORT_ROWS.
 */

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';
export type CsvDelimiter = ',' | ';' | '\t';

/** A file the import cannot read, with what to do about it (never a row's content). */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

export interface CsvTable {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  headers: string[];
  /** The data rows, numbered as a spreadsheet numbers them (the header is row 1). */
  rows: AsyncGenerator<ImportRow>;
}

/** From the byte order mark, else from the zero bytes UTF-16 puts in ASCII text. */
export function detectEncoding(head: Uint8Array): { encoding: CsvEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sample = head.subarray(0, 200);
  let evenZeros = 0;
  let oddZeros = 0;
  sample.forEach((byte, index) => {
    if (byte === 0) {
      if (index % 2 === 0) evenZeros += 1;
      else oddZeros += 1;
    }
  });
  if (oddZeros > sample.length / 4) return { encoding: 'utf-16le', bomLength: 0 };
  if (evenZeros > sample.length / 4) return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** The separator the header line uses most, quotes aside (a header rarely quotes a delimiter). */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as CsvDelimiter] += 1;
  }
  const best = (Object.entries(counts) as Array<[CsvDelimiter, number]>).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] === 0 ? ',' : best[0];
}

async function* bytesOf(input: AsyncIterable<Uint8Array> | Uint8Array): AsyncGenerator<Uint8Array> {
  if (input instanceof Uint8Array) yield input;
  else for await (const chunk of input) yield chunk;
}

/** Decoded text, chunk by chunk; the first chunk is at least the first line (or the whole file). */
async function decoded(input: AsyncIterable<Uint8Array> | Uint8Array) {
  const source = bytesOf(input);
  let head = new Uint8Array(0);
  let done = false;
  // Enough bytes to see the BOM and the header line.
  while (!done && head.length < 4096) {
    const next = await source.next();
    if (next.done) done = true;
    else head = Buffer.concat([head, next.value]);
  }
  const { encoding, bomLength } = detectEncoding(head);
  const decoder = new TextDecoder(encoding);
  let first = decoder.decode(head.subarray(bomLength), { stream: !done });
  while (!done && !/[\r\n]/.test(first)) {
    const next = await source.next();
    if (next.done) {
      done = true;
      first += decoder.decode();
    } else first += decoder.decode(next.value, { stream: true });
  }
  async function* text(): AsyncGenerator<string> {
    yield first;
    if (done) return;
    for (;;) {
      const next = await source.next();
      if (next.done) break;
      yield decoder.decode(next.value, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }
  return { encoding, first, text: text() };
}

/** Opens a contact list: its encoding, delimiter and header row, then its rows as they are read. */
export async function openCsv(input: AsyncIterable<Uint8Array> | Uint8Array, maxRows = MAX_IMPORT_ROWS): Promise<CsvTable> {
  const { encoding, first, text } = await decoded(input);
  const delimiter = detectDelimiter(first.split(/\r?\n/, 1)[0] ?? '');
  const parser = Readable.from(text).pipe(parse({ delimiter, relax_column_count: true, skip_empty_lines: true, bom: true }));
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;

  const describe = (error: unknown): ImportFileError => {
    if (error instanceof CsvError) {
      const what = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted value is never closed' : error.message.replace(/^Invalid \w+:?\s*/, '');
      // csv-parse reads ahead of the rows handed out, so the line is its own count, not ours.
      const line = (error as CsvError & { lines?: number }).lines;
      return new ImportFileError(
        `The file cannot be read as CSV${typeof line === 'number' ? ` (line ${line})` : ''}: ${what}. Open it in a spreadsheet and export it again.`,
      );
    }
    return error instanceof Error ? new ImportFileError(error.message) : new ImportFileError(String(error));
  };

  let header: IteratorResult<string[]>;
  try {
    header = await records.next();
  } catch (error) {
    throw describe(error);
  }
  if (header.done || header.value.every((cell) => cell.trim() === '')) {
    throw new ImportFileError('The file is empty: it needs a header row naming its columns, then one row per person.');
  }
  const headers = header.value.map((cell) => cell.trim());

  async function* rows(): AsyncGenerator<ImportRow> {
    let rowNumber = 1;
    for (;;) {
      let next: IteratorResult<string[]>;
      try {
        next = await records.next();
      } catch (error) {
        throw describe(error);
      }
      if (next.done) return;
      rowNumber += 1;
      if (rowNumber - 1 > maxRows) {
        parser.destroy();
        throw new ImportFileError(`The file has more than ${maxRows.toLocaleString('en-US')} rows: split it into several imports.`);
      }
      yield { rowNumber, cells: next.value };
    }
  }
  return { encoding, delimiter, headers, rows: rows() };
}
