import fs from 'node:fs';
import path from 'node:path';
import { DAY_MS, addLocalDays } from './time';
import { SandboxStateSchema, type SandboxState } from './schema';

export const STATE_FILE = 'state.json';

export function statePath(dataDir: string): string {
  return path.join(dataDir, STATE_FILE);
}

export type LoadResult = { kind: 'missing' } | { kind: 'loaded'; state: SandboxState } | { kind: 'invalid'; reason: string };

/** Reads and validates `dataDir/state.json`. An unreadable file is moved aside (never silently overwritten). */
export function loadState(dataDir: string): LoadResult {
  const file = statePath(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let reason: string;
  try {
    const parsed = SandboxStateSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { kind: 'loaded', state: parsed.data };
    reason = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  const aside = `${file}.invalid-${Date.now()}`;
  fs.renameSync(file, aside);
  return { kind: 'invalid', reason: `${reason} (moved to ${aside})` };
}

/** Atomic and durable: write + fsync a temp file in the same folder, then rename over the target. */
export function saveState(dataDir: string, state: SandboxState): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = statePath(dataDir);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(state));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/** Identity of the current state file (rename-based writes change the inode), or null when absent. */
export function stateFileStamp(dataDir: string): string | null {
  try {
    const st = fs.statSync(statePath(dataDir));
    return `${st.ino}:${st.mtimeMs}:${st.size}`;
  } catch {
    return null;
  }
}

export function deleteState(dataDir: string): void {
  fs.rmSync(statePath(dataDir), { force: true });
}

/**
 * Keeps demo data current: when the anchor is more than 24 h old, every non-zero timestamp moves
 * forward by the same whole number of days. Scheduled starts move by local calendar days in the
 * session's zone so "09:00 local" stays 09:00 across DST changes. Returns whether anything moved.
 */
export function rebaseState(state: SandboxState, nowMs: number): boolean {
  const elapsed = nowMs - state.anchor;
  if (elapsed <= DAY_MS) return false;
  const days = Math.floor(elapsed / DAY_MS);
  const delta = days * 86_400;
  const shift = (ts: number): number => (ts === 0 ? 0 : ts + delta);

  for (const event of state.events) {
    const a = event.attributes;
    a.published_at = shift(a.published_at);
    a.created_at = shift(a.created_at);
    a.updated_at = shift(a.updated_at);
    a.owner.attributes.created_at = shift(a.owner.attributes.created_at);
    a.owner.attributes.updated_at = shift(a.owner.attributes.updated_at);
  }
  for (const session of state.sessions) {
    const a = session.attributes;
    if (a.estimated_started_at !== 0) {
      a.estimated_started_at = Math.floor(addLocalDays(a.estimated_started_at * 1000, days, a.timezone) / 1000);
    }
    a.started_at = shift(a.started_at);
    a.ended_at = shift(a.ended_at);
    a.canceled_at = shift(a.canceled_at);
    a.created_at = shift(a.created_at);
    a.updated_at = shift(a.updated_at);
  }
  for (const person of state.people) {
    const a = person.attributes;
    a.created_at = shift(a.created_at);
    a.updated_at = shift(a.updated_at);
    a.registrant_detail.created_at = shift(a.registrant_detail.created_at);
    a.registrant_detail.updated_at = shift(a.registrant_detail.updated_at);
    if (a.replay_view_detail) a.replay_view_detail.watched_at = shift(a.replay_view_detail.watched_at);
  }
  for (const webhook of state.webhooks) {
    webhook.attributes.created_at = shift(webhook.attributes.created_at);
    webhook.attributes.updated_at = shift(webhook.attributes.updated_at);
  }
  for (const job of state.jobs) {
    const a = job.attributes;
    a.created_at = shift(a.created_at);
    a.updated_at = shift(a.updated_at);
    a.ended_at = shift(a.ended_at);
    for (const task of job.tasks) {
      task.attributes.created_at = shift(task.attributes.created_at);
      task.attributes.updated_at = shift(task.attributes.updated_at);
    }
  }
  state.anchor += days * DAY_MS;
  return true;
}
