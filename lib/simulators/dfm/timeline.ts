import type { SimJob, Transfer } from "./job";

export type DpJobState = "queued" | "running" | "completed" | "aborting" | "aborted";
export type DpJobProgress = "in_progress" | "success" | "failure" | "partial_success";

export interface JobAt {
  startedMs: number | null;
  completedMs: number | null;
  abortRequestedMs: number | null;
  state: DpJobState;
  progress: DpJobProgress;
  bytes: bigint;
}

export interface TransferAt {
  startMs: number;
  /** When it ends or ended; null if the job stopped before it began. */
  endMs: number;
  outcome: "success" | "failure" | "aborted";
  started: boolean;
  ended: boolean;
  bytes: bigint;
}

/** When the job stops early (abort landing or an injected failure), and why. */
export function stopOf(job: SimJob): { atMs: number; cause: "abort" | "fail" } | null {
  const abort = job.abortDoneMs;
  const fail = job.failedMs;
  if (fail !== null && (abort === null || fail <= abort)) return { atMs: fail, cause: "fail" };
  if (abort !== null) return { atMs: abort, cause: "abort" };
  return null;
}

export function neverStarted(job: SimJob): boolean {
  return job.abortRequestedMs !== null && job.abortRequestedMs < job.startMs;
}

export function endOf(job: SimJob): number {
  const planned = job.startMs + job.endOffsetMs;
  const stop = stopOf(job);
  return stop ? Math.min(planned, stop.atMs) : planned;
}

export function transferAt(job: SimJob, t: Transfer, now: number): TransferAt {
  const startMs = job.startMs + t.offsetMs;
  const plannedEnd = startMs + t.durationMs;
  const stop = stopOf(job);
  const cut = stop !== null && stop.atMs < plannedEnd ? stop : null;
  const endMs = cut ? Math.max(startMs, cut.atMs) : plannedEnd;
  const started = !neverStarted(job) && startMs <= now && (cut === null || cut.atMs > startMs);
  const outcome = cut
    ? cut.cause === "fail"
      ? "failure"
      : "aborted"
    : t.fails
      ? "failure"
      : "success";
  const elapsed = Math.max(0, Math.min(now, endMs) - startMs);
  const bytes =
    !started || t.durationMs <= 0
      ? 0n
      : (t.bytes * BigInt(Math.min(elapsed, t.durationMs))) / BigInt(t.durationMs);
  return { startMs, endMs, outcome, started, ended: started && endMs <= now, bytes };
}

/** The job as DFM reports it at `now`: job-state is derived from the timestamps, as the document says. */
export function jobAt(job: SimJob, now: number): JobAt {
  const started = !neverStarted(job) && job.startMs <= now;
  const end = neverStarted(job) ? (job.abortDoneMs ?? Number.POSITIVE_INFINITY) : endOf(job);
  const completedMs = end <= now ? end : null;
  const abortRequestedMs =
    job.abortRequestedMs !== null && job.abortRequestedMs <= now ? job.abortRequestedMs : null;
  let successes = 0;
  let failures = 0;
  let bytes = 0n;
  for (const t of job.transfers) {
    const at = transferAt(job, t, now);
    bytes += at.bytes;
    if (!at.ended) continue;
    if (at.outcome === "success") successes += 1;
    if (at.outcome === "failure") failures += 1;
  }
  const stopAt = completedMs ?? now;
  if (stopOf(job)?.cause === "fail" && completedMs !== null && failures === 0) failures = 1;
  for (const p of job.points)
    if (p.countsAsSuccess && started && job.startMs + p.offsetMs <= stopAt) successes += 1;
  const state: DpJobState =
    abortRequestedMs !== null
      ? completedMs !== null
        ? "aborted"
        : "aborting"
      : completedMs !== null
        ? "completed"
        : started
          ? "running"
          : "queued";
  return {
    startedMs: started ? job.startMs : null,
    completedMs,
    abortRequestedMs,
    state,
    progress: progressOf(successes, failures),
    bytes,
  };
}

/** in_progress → success | failure → partial_success, the document's state diagram as counts. */
export function progressOf(successes: number, failures: number): DpJobProgress {
  if (successes > 0 && failures > 0) return "partial_success";
  if (successes > 0) return "success";
  if (failures > 0) return "failure";
  return "in_progress";
}
