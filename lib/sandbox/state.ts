import { createSeedState } from './seed';
import type { SandboxState } from './schema';
import { loadState, rebaseState, saveState, stateFileStamp } from './store';

/** Throttle for persisting the monthly counter alone (registrations are written synchronously). */
const COUNTER_SAVE_INTERVAL_MS = 1000;

const warnInvalid = (reason: string) => console.warn(`[livestorm-sandbox] ignoring invalid state file: ${reason}`);

/**
 * The sandbox's state and its life on disk (./store.ts does the file work): loaded or seeded at
 * start, re-read when another sandbox on the same folder wrote it, written after every change,
 * quota-counter-only writes throttled, timestamps moved forward when the seed gets old.
 * Memory only when `dataDir` is null.
 */
export class StateStore {
  state: SandboxState;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private lastSaveRealMs = 0;
  private counterDirty = false;
  /** stamp of the state file as last read or written by this instance */
  private fileStamp: string | null = null;

  constructor(
    private readonly dataDir: string | null,
    nowMs: number,
  ) {
    this.state = this.loadOrSeed(nowMs);
  }

  private loadOrSeed(nowMs: number): SandboxState {
    const { dataDir } = this;
    if (dataDir) {
      const loaded = loadState(dataDir);
      if (loaded.kind === 'loaded') {
        if (rebaseState(loaded.state, nowMs)) saveState(dataDir, loaded.state);
        this.lastSaveRealMs = Date.now();
        this.fileStamp = stateFileStamp(dataDir);
        return loaded.state;
      }
      if (loaded.kind === 'invalid') warnInvalid(loaded.reason);
    }
    const state = createSeedState(nowMs);
    if (dataDir) {
      saveState(dataDir, state);
      this.fileStamp = stateFileStamp(dataDir);
    }
    this.lastSaveRealMs = Date.now();
    return state;
  }

  /**
   * Another sandbox on the same folder (a second process, or a module re-instantiated by hot reload)
   * may have written since we last did: adopt its state rather than overwrite its registrations.
   */
  sync(): void {
    const { dataDir } = this;
    if (!dataDir) return;
    const stamp = stateFileStamp(dataDir);
    if (stamp === null || stamp === this.fileStamp) return;
    const loaded = loadState(dataDir);
    if (loaded.kind === 'loaded') this.state = loaded.state;
    else if (loaded.kind === 'invalid') warnInvalid(loaded.reason);
    this.fileStamp = stateFileStamp(dataDir);
  }

  /** Keeps the demo current: moves everything forward by whole days once the anchor is a day old. */
  rebase(nowMs: number): void {
    if (rebaseState(this.state, nowMs)) this.persist();
  }

  /** Starts over from `state` (a reset); the caller persists. */
  replace(state: SandboxState): void {
    this.state = state;
  }

  persist(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    if (this.dataDir) {
      saveState(this.dataDir, this.state);
      this.fileStamp = stateFileStamp(this.dataDir);
    }
    this.lastSaveRealMs = Date.now();
    this.counterDirty = false;
  }

  /** The quota counter changed: written at most once a second, so a burst of calls is not a burst of fsyncs. */
  persistCounterSoon(): void {
    if (!this.dataDir) return;
    this.counterDirty = true;
    const since = Date.now() - this.lastSaveRealMs;
    if (since >= COUNTER_SAVE_INTERVAL_MS) {
      this.persistQuietly();
      return;
    }
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      if (this.counterDirty) this.persistQuietly();
    }, COUNTER_SAVE_INTERVAL_MS - since);
    this.saveTimer.unref();
  }

  /** Writes any pending (throttled) counter change now. */
  flush(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    if (this.counterDirty) this.persistQuietly();
  }

  /** Counter-only write; skipped when another instance wrote the file since (its state wins). */
  private persistQuietly(): void {
    try {
      const stamp = this.dataDir ? stateFileStamp(this.dataDir) : null;
      if (stamp !== null && stamp !== this.fileStamp) {
        this.counterDirty = false;
        return;
      }
      this.persist();
    } catch (error) {
      console.warn('[livestorm-sandbox] could not persist the quota counter:', error);
    }
  }
}
