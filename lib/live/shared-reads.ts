import { env } from "@/lib/env";
import { changeFeed } from "./change-feed";

/** Reads kept per web process: a few dozen views are what many screens have open at once. */
const MAX_ENTRIES = 64;

interface Entry {
  startedAt: number;
  answer: Promise<unknown>;
}

export interface SharedReadsOptions {
  /** Changes whenever the data may have changed; null when that cannot be known (nothing is reused). */
  dataVersion: () => number | null;
  /** Longest an answer is reused, from when its read started; 0 turns reuse off. */
  maxAgeMs: number;
  now?: () => number;
}

/**
 * Identical reads in one web process share one answer while the data behind them has not changed:
 * sixteen screens on the same list, or every browser refetching after one change, cost one query.
 * An answer is reused only while the change feed has heard of no change since its read began (a
 * read that began before a change is never kept for after it), and for at most `maxAgeMs`, which
 * bounds what windows ending "now" drift and what a writer that raises no notification could hide.
 * A failed read is not kept, and a write through this process's API drops everything kept
 * (lib/http/route.ts).
 */
export class SharedReads {
  private entries = new Map<string, Entry>();
  private version: number | null = null;

  constructor(private readonly opts: SharedReadsOptions) {}

  read<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.opts.maxAgeMs <= 0) return load();
    const version = this.opts.dataVersion();
    if (version === null) return load();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const now = (this.opts.now ?? Date.now)();
    const kept = this.entries.get(key);
    this.entries.delete(key);
    if (kept && now - kept.startedAt < this.opts.maxAgeMs) {
      this.entries.set(key, kept);
      return kept.answer as Promise<T>;
    }
    const entry: Entry = { startedAt: now, answer: load() };
    this.entries.set(key, entry);
    const oldest = this.entries.keys().next();
    if (this.entries.size > MAX_ENTRIES && !oldest.done) this.entries.delete(oldest.value);
    entry.answer.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.answer as Promise<T>;
  }

  /**
   * Forgets every kept answer, and no later read joins one still running: this process has just
   * written something they may not show, and whoever wrote it may read next, before the
   * notification of the write has come back.
   */
  invalidate(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

const globalForReads = globalThis as typeof globalThis & { jobdeckSharedReads?: SharedReads };

/** The web process's shared reads, versioned by its change feed. */
export function sharedReads(): SharedReads {
  globalForReads.jobdeckSharedReads ??= new SharedReads({
    dataVersion: () => changeFeed().dataVersion(),
    maxAgeMs: env().JOBDECK_SHARED_READ_MS,
  });
  return globalForReads.jobdeckSharedReads;
}

/** For tests that own their database and change feed. */
export function setSharedReads(reads: SharedReads | undefined): void {
  globalForReads.jobdeckSharedReads = reads;
}

/** One endpoint's read, shared by every request with the same parsed query. */
export function sharedRead<T>(
  endpoint: string,
  query: unknown,
  load: () => Promise<T>,
): Promise<T> {
  return sharedReads().read(`${endpoint} ${JSON.stringify(query ?? null)}`, load);
}
