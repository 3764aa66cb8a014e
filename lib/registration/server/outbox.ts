import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { RegistrationRequest } from '@/lib/livestorm/types';

/**
 * The durable outbox: every registration is committed here (SQLite, WAL, synchronous=FULL) before
 * the visitor is answered, and leaves only once Livestorm has given a final answer. Personal data
 * (the request) is erased as soon as an entry settles; a join link is kept for an hour at most.
 * Pure apart from its file: no `server-only`, no config, so tests drive it directly.
 */

/** Where the outbox lives under DATA_DIR (the server and the operators' script agree on it). */
export function outboxFile(dataDir: string): string {
  return path.join(dataDir, 'registrations.sqlite');
}

export type EntryStatus = 'pending' | 'registered' | 'already_registered' | 'closed' | 'rejected';

export interface OutboxEntry {
  id: string;
  submissionId: string;
  sessionId: string;
  status: EntryStatus;
  /** Delivery attempts started (a crash mid-attempt still counts: the POST may have landed). */
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
  settledAt: number | null;
  /** Why the last attempt failed (operational text, never personal data). */
  lastError: string | null;
  /** Livestorm's reason for a closed or rejected entry. */
  detail: string | null;
  /** Null once settled: personal data is not kept longer than needed. */
  request: RegistrationRequest | null;
  joinLink: string | null;
}

export interface OutboxStats {
  pending: number;
  /** Creation time (ms) of the oldest undelivered entry. */
  oldestPendingAt: number | null;
  settled: Record<Exclude<EntryStatus, 'pending'>, number>;
}

export interface Outbox {
  /**
   * Commits one entry per request, all or nothing. A request for a person and session that is
   * already waiting is stored as `already_registered` instead of being sent twice.
   */
  enqueue(submissionId: string, requests: readonly RegistrationRequest[], now: number): OutboxEntry[];
  /** Leases due entries to this worker; an expired lease (a crashed process) frees them again. */
  claimDue(now: number, limit: number, leaseMs: number): OutboxEntry[];
  settle(id: string, result: { status: Exclude<EntryStatus, 'pending'>; joinLink?: string | null; detail?: string | null }, now: number): void;
  retryLater(id: string, nextAttemptAt: number, error: string): void;
  get(id: string): OutboxEntry | null;
  bySubmission(submissionId: string): OutboxEntry[];
  /** When the next pending entry becomes due (lease expiry included), or null when none waits. */
  nextDueAt(): number | null;
  stats(): OutboxStats;
  /** Forgets join links after `joinLinkTtlMs` and settled entries after `retentionMs`. */
  purge(now: number, options?: { joinLinkTtlMs?: number; retentionMs?: number }): void;
  close(): void;
}

interface Row {
  id: string;
  submission_id: string;
  session_id: string;
  status: EntryStatus;
  attempts: number;
  created_at: number;
  next_attempt_at: number;
  lease_until: number | null;
  settled_at: number | null;
  last_error: string | null;
  detail: string | null;
  request_json: string | null;
  join_link: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  id TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  person_key TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER,
  settled_at INTEGER,
  last_error TEXT,
  detail TEXT,
  request_json TEXT,
  join_link TEXT
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS outbox_submission ON outbox (submission_id);
CREATE UNIQUE INDEX IF NOT EXISTS outbox_one_pending_per_person
  ON outbox (session_id, person_key) WHERE status = 'pending';
`;

/** Identifies a person for de-duplication without indexing their address in clear. */
export function personKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
}

function toEntry(row: Row): OutboxEntry {
  return {
    id: row.id,
    submissionId: row.submission_id,
    sessionId: row.session_id,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    settledAt: row.settled_at,
    lastError: row.last_error,
    detail: row.detail,
    request: row.request_json ? (JSON.parse(row.request_json) as RegistrationRequest) : null,
    joinLink: row.join_link,
  };
}

export function createOutbox(file: string): Outbox {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a committed entry survives power loss, not only a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // Erasing the request must erase it from the file too, not leave it in freed space.
  db.pragma('secure_delete = ON');
  db.exec(SCHEMA);

  const insert = db.prepare(
    `INSERT INTO outbox (id, submission_id, session_id, person_key, status, attempts, created_at, next_attempt_at, settled_at, request_json, detail)
     VALUES (@id, @submission_id, @session_id, @person_key, @status, 0, @created_at, @created_at, @settled_at, @request_json, @detail)`,
  );
  const pendingFor = db.prepare(`SELECT id FROM outbox WHERE session_id = ? AND person_key = ? AND status = 'pending'`);
  const selectById = db.prepare(`SELECT * FROM outbox WHERE id = ?`);
  const selectDue = db.prepare(
    `SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
     ORDER BY next_attempt_at, created_at LIMIT @limit`,
  );
  const lease = db.prepare(`UPDATE outbox SET lease_until = @until, attempts = attempts + 1 WHERE id = @id`);
  const settleRow = db.prepare(
    `UPDATE outbox SET status = @status, join_link = @join_link, detail = @detail, settled_at = @now,
       lease_until = NULL, request_json = NULL, last_error = NULL
     WHERE id = @id AND status = 'pending'`,
  );
  const retryRow = db.prepare(
    `UPDATE outbox SET lease_until = NULL, next_attempt_at = @next, last_error = @error WHERE id = @id AND status = 'pending'`,
  );
  const selectSubmission = db.prepare(`SELECT * FROM outbox WHERE submission_id = ? ORDER BY created_at, rowid`);
  const selectNextDue = db.prepare(
    `SELECT MIN(MAX(next_attempt_at, COALESCE(lease_until, 0))) AS due FROM outbox WHERE status = 'pending'`,
  );
  const selectPending = db.prepare(`SELECT COUNT(*) AS count, MIN(created_at) AS oldest FROM outbox WHERE status = 'pending'`);
  const selectSettled = db.prepare(`SELECT status, COUNT(*) AS count FROM outbox WHERE status != 'pending' GROUP BY status`);
  const forgetLinks = db.prepare(`UPDATE outbox SET join_link = NULL WHERE join_link IS NOT NULL AND settled_at <= ?`);
  const deleteOld = db.prepare(`DELETE FROM outbox WHERE status != 'pending' AND settled_at <= ?`);

  const enqueue = db.transaction((submissionId: string, requests: readonly RegistrationRequest[], now: number) => {
    const ids: string[] = [];
    for (const request of requests) {
      const key = personKey(request.email);
      // Rows inserted earlier in this transaction are visible here too.
      const duplicate = pendingFor.get(request.sessionId, key) !== undefined;
      const id = randomUUID();
      insert.run({
        id,
        submission_id: submissionId,
        session_id: request.sessionId,
        person_key: key,
        status: duplicate ? 'already_registered' : 'pending',
        created_at: now,
        settled_at: duplicate ? now : null,
        request_json: duplicate ? null : JSON.stringify(request),
        detail: duplicate ? 'A registration for this person and session is already waiting to be delivered.' : null,
      });
      ids.push(id);
    }
    return ids.map((id) => toEntry(selectById.get(id) as Row));
  });

  const claimDue = db.transaction((now: number, limit: number, leaseMs: number) => {
    if (limit <= 0) return [];
    const rows = selectDue.all({ now, limit }) as Row[];
    for (const row of rows) lease.run({ id: row.id, until: now + leaseMs });
    return rows.map((row) => toEntry({ ...row, attempts: row.attempts + 1, lease_until: now + leaseMs }));
  });

  return {
    enqueue: (submissionId, requests, now) => enqueue(submissionId, requests, now),
    claimDue: (now, limit, leaseMs) => claimDue(now, limit, leaseMs),
    settle(id, result, now) {
      settleRow.run({ id, status: result.status, join_link: result.joinLink ?? null, detail: result.detail ?? null, now });
    },
    retryLater(id, nextAttemptAt, error) {
      retryRow.run({ id, next: nextAttemptAt, error: error.slice(0, 500) });
    },
    get(id) {
      const row = selectById.get(id) as Row | undefined;
      return row ? toEntry(row) : null;
    },
    bySubmission(submissionId) {
      return (selectSubmission.all(submissionId) as Row[]).map(toEntry);
    },
    nextDueAt() {
      const row = selectNextDue.get() as { due: number | null };
      return row.due;
    },
    stats() {
      const pending = selectPending.get() as { count: number; oldest: number | null };
      const settled = { registered: 0, already_registered: 0, closed: 0, rejected: 0 };
      for (const row of selectSettled.all() as Array<{ status: keyof typeof settled; count: number }>) {
        if (row.status in settled) settled[row.status] = row.count;
      }
      return { pending: pending.count, oldestPendingAt: pending.oldest, settled };
    },
    purge(now, { joinLinkTtlMs = 3_600_000, retentionMs = 30 * 86_400_000 } = {}) {
      forgetLinks.run(now - joinLinkTtlMs);
      deleteOld.run(now - retentionMs);
    },
    close: () => db.close(),
  };
}
