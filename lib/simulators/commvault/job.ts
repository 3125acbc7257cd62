import type { DrGroup, ReplicationPair } from "./estate";
import type { DrJobType } from "./options";

export interface ScriptedPhase {
  code: number;
  /** Offsets from the job's start in active (unpaused) time, whole seconds in ms. */
  startMs: number;
  endMs: number;
  fails: boolean;
}

export interface SimPair extends ReplicationPair {
  /** Ends at the failing phase when one is scripted to fail. */
  phases: ScriptedPhase[];
}

export interface SimJob {
  jobId: number;
  type: DrJobType;
  group: DrGroup;
  user: string;
  /** Wall time the job's first phase would start, whole seconds. */
  startAt: number;
  pairs: SimPair[];
  /** Sorted, non-overlapping; `to` null while suspended. */
  pauses: Array<{ from: number; to: number | null }>;
  killedAt: number | null;
  killedBy: string | null;
  failedAt: number | null;
  failReason: string | null;
}

/** Where the job is at one instant: everything the wire format shows is derived from this. */
export interface PhaseAt {
  code: number;
  start: number;
  end: number | null;
  failed: boolean;
}

export type SummaryStatus =
  | "Waiting"
  | "Running"
  | "Suspended"
  | "Completed"
  | "Completed w/ one or more errors"
  | "Failed"
  | "Killed";

/** Wall time at which the job reaches `offset` ms of active time; Infinity while a suspension holds it. */
export function wallAt(job: SimJob, offset: number): number {
  let t = job.startAt + offset;
  for (const p of job.pauses) {
    if (p.from >= t) break;
    if (p.to === null) return Number.POSITIVE_INFINITY;
    t += p.to - p.from;
  }
  return t;
}

function stopAt(job: SimJob): number {
  return Math.min(
    job.killedAt ?? Number.POSITIVE_INFINITY,
    job.failedAt ?? Number.POSITIVE_INFINITY,
  );
}

/** The phases a pair has started by `now`, with their ends where reached. */
export function pairPhasesAt(job: SimJob, pair: SimPair, now: number): PhaseAt[] {
  const stop = stopAt(job);
  const out: PhaseAt[] = [];
  for (const p of pair.phases) {
    const start = wallAt(job, p.startMs);
    if (start > now || start >= stop) break;
    const end = wallAt(job, p.endMs);
    if (stop <= now && end > stop) {
      out.push({ code: p.code, start, end: stop, failed: true });
      break;
    }
    if (end > now) {
      out.push({ code: p.code, start, end: null, failed: false });
      break;
    }
    out.push({ code: p.code, start, end, failed: p.fails });
  }
  return out;
}

function pairOutcome(job: SimJob, pair: SimPair, now: number): "running" | "done" | "failed" {
  const seen = pairPhasesAt(job, pair, now);
  const last = seen.at(-1);
  if (last?.failed) return "failed";
  if (last && last.end !== null && seen.length === pair.phases.length) return "done";
  if (stopAt(job) <= now) return "failed";
  return "running";
}

export function statusAt(job: SimJob, now: number): SummaryStatus {
  if ((job.killedAt ?? Number.POSITIVE_INFINITY) <= now) return "Killed";
  if ((job.failedAt ?? Number.POSITIVE_INFINITY) <= now) return "Failed";
  if (job.pauses.some((p) => p.from <= now && (p.to === null || p.to > now))) return "Suspended";
  if (wallAt(job, 0) > now) return "Waiting";
  const outcomes = job.pairs.map((pair) => pairOutcome(job, pair, now));
  if (outcomes.includes("running")) return "Running";
  const failed = outcomes.filter((o) => o === "failed").length;
  if (failed === 0) return "Completed";
  return failed === outcomes.length ? "Failed" : "Completed w/ one or more errors";
}

export function isFinished(status: SummaryStatus): boolean {
  return status !== "Waiting" && status !== "Running" && status !== "Suspended";
}

/** Active (unpaused) time the job has run by `now`. */
function activeElapsed(job: SimJob, now: number): number {
  const until = Math.min(now, stopAt(job));
  let paused = 0;
  for (const p of job.pauses) {
    if (p.from >= until) break;
    paused += Math.min(p.to ?? until, until) - p.from;
  }
  return Math.max(0, until - job.startAt - paused);
}

export function percentAt(job: SimJob, now: number): number {
  const status = statusAt(job, now);
  if (status === "Completed" || status === "Completed w/ one or more errors") return 100;
  const elapsed = activeElapsed(job, now);
  let done = 0;
  let total = 0;
  for (const pair of job.pairs) {
    const length = pair.phases.at(-1)?.endMs ?? 0;
    done += Math.min(elapsed, length);
    total += length;
  }
  return total === 0 ? 0 : Math.floor((done / total) * 100);
}

/** When the last pair stopped; null while the job is not finished. */
export function endAt(job: SimJob, now: number): number | null {
  if (!isFinished(statusAt(job, now))) return null;
  let end = 0;
  for (const pair of job.pairs) {
    const last = pairPhasesAt(job, pair, now).at(-1);
    end = Math.max(end, last?.end ?? 0);
  }
  const stop = stopAt(job);
  return Number.isFinite(stop) ? Math.max(end, stop) : end;
}
