import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * The calls this site has sent to Livestorm over a rolling 30 days, kept in DATA_DIR so a restart
 * does not reset it (Livestorm's quota is per 30 days too). Hourly buckets per kind: small, and
 * exact enough for a budget. Pure apart from its file, so tests drive it directly.
 */

export type CallKind = 'read' | 'write';

export interface CallCounts {
  windowDays: number;
  total: number;
  /** GET requests: catalog refreshes, field labels, token checks, registration look-ups. */
  reads: number;
  /** Everything else: registrations. */
  writes: number;
  /** Start of the oldest hour in the window with a call: later than 30 days ago on a new site. */
  countingSince: string | null;
}

export interface CallCounter {
  record(kind: CallKind, now: number): void;
  counts(now: number): CallCounts;
  close(): void;
}

export const CALL_WINDOW_DAYS = 30;
const HOUR_MS = 3_600_000;
const WINDOW_HOURS = CALL_WINDOW_DAYS * 24;

export function callCounterFile(dataDir: string): string {
  return path.join(dataDir, 'livestorm-calls.sqlite');
}

export function createCallCounter(file: string): CallCounter {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS calls (
    hour INTEGER NOT NULL,
    kind TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (hour, kind)
  )`);
  const increment = db.prepare(
    `INSERT INTO calls (hour, kind, count) VALUES (?, ?, 1) ON CONFLICT (hour, kind) DO UPDATE SET count = count + 1`,
  );
  const forget = db.prepare(`DELETE FROM calls WHERE hour <= ?`);
  const sums = db.prepare(`SELECT kind, SUM(count) AS count, MIN(hour) AS first FROM calls WHERE hour > ? GROUP BY kind`);
  let lastHour = -1;

  return {
    record(kind, now) {
      const hour = Math.floor(now / HOUR_MS);
      // Once an hour is plenty to keep the table at a month of rows.
      if (hour !== lastHour) {
        forget.run(hour - WINDOW_HOURS);
        lastHour = hour;
      }
      increment.run(hour, kind);
    },
    counts(now) {
      const hour = Math.floor(now / HOUR_MS);
      const rows = sums.all(hour - WINDOW_HOURS) as Array<{ kind: string; count: number; first: number }>;
      const reads = rows.find((row) => row.kind === 'read')?.count ?? 0;
      const writes = rows.find((row) => row.kind === 'write')?.count ?? 0;
      const first = rows.length === 0 ? null : Math.min(...rows.map((row) => row.first));
      return {
        windowDays: CALL_WINDOW_DAYS,
        total: reads + writes,
        reads,
        writes,
        countingSince: first === null ? null : new Date(first * HOUR_MS).toISOString(),
      };
    },
    close: () => db.close(),
  };
}
