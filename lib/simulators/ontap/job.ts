import type { JobKind } from "./catalogue";

export type OntapState = "queued" | "running" | "paused" | "success" | "failure";

export interface Outcome {
  state: "success" | "failure";
  code: number;
  message: string;
}

/** A simulated job: its plan plus the operator's interventions; what ONTAP shows is derived from time. */
export interface SimJob {
  uuid: string;
  kind: JobKind;
  description: string;
  svm: { name: string; uuid: string };
  node: string;
  createdAt: number;
  /** When it leaves the queue. */
  startAt: number;
  /** Running time it needs, not counting pauses. */
  workMs: number;
  /** How it ends if nobody intervenes. */
  planned: Outcome;
  pauses: Array<{ from: number; to: number | null }>;
  /** A cancel or injected failure that ended it early. */
  forced: (Outcome & { at: number }) | null;
}

export interface JobNow {
  state: OntapState;
  message: string;
  code: number;
  startTime: number | null;
  endTime: number | null;
  /** Populated only on failure, mirroring message and code as the doc says. */
  error: { message: string; code: string } | null;
}

export const SUCCESS_MESSAGE = "Complete: Successful";

/** When the job finishes, or null while a pause holds it open-ended. */
export function endAt(job: SimJob): number | null {
  if (job.forced) return job.forced.at;
  let paused = 0;
  for (const p of job.pauses) {
    if (p.to === null) return null;
    paused += p.to - p.from;
  }
  return job.startAt + job.workMs + paused;
}

export function viewAt(job: SimJob, now: number): JobNow {
  const end = endAt(job);
  if (end !== null && now >= end) {
    const outcome = job.forced ?? job.planned;
    return {
      state: outcome.state,
      message: outcome.message,
      code: outcome.code,
      startTime: Math.min(job.startAt, end),
      endTime: end,
      error:
        outcome.state === "failure"
          ? { message: outcome.message, code: String(outcome.code) }
          : null,
    };
  }
  if (now < job.startAt) {
    return {
      state: "queued",
      message: "Queued",
      code: 0,
      startTime: null,
      endTime: null,
      error: null,
    };
  }
  const open = job.pauses.find((p) => p.to === null && p.from <= now);
  if (open) {
    return {
      state: "paused",
      message: "Paused by user request",
      code: 0,
      startTime: job.startAt,
      endTime: null,
      error: null,
    };
  }
  const fraction = Math.min(1, workDone(job, now) / Math.max(1, job.workMs));
  return {
    state: "running",
    message: job.kind.message(fraction),
    code: 0,
    startTime: job.startAt,
    endTime: null,
    error: null,
  };
}

function workDone(job: SimJob, now: number): number {
  let paused = 0;
  for (const p of job.pauses) paused += Math.max(0, Math.min(p.to ?? now, now) - p.from);
  return now - job.startAt - paused;
}

export interface PatchRefusal {
  code: string;
  message: string;
}

export type JobAction = "pause" | "resume" | "cancel";

const ALREADY_TERMINAL: PatchRefusal = {
  code: "458762",
  message: "Job is already in a terminal state.",
};
const IS_RUNNING: PatchRefusal = { code: "458771", message: "The specified job is running." };
const NOT_RUNNING: PatchRefusal = {
  code: "458776",
  message: "The specified job is not currently running.",
};
const NO_PAUSE: PatchRefusal = { code: "458783", message: "This job does not support pause." };
const NO_CANCEL: PatchRefusal = { code: "458784", message: "This job does not support cancel." };

/** Applies a PATCH action at `now`, or says why ONTAP refuses it (the doc's error codes). */
export function applyAction(
  job: SimJob,
  action: JobAction,
  now: number,
  cancelOutcome: Outcome,
): PatchRefusal | null {
  const { state } = viewAt(job, now);
  if (state === "success" || state === "failure") return ALREADY_TERMINAL;
  if (action === "pause") {
    if (!job.kind.pausable) return NO_PAUSE;
    if (state !== "running") return NOT_RUNNING;
    job.pauses.push({ from: now, to: null });
    return null;
  }
  if (action === "resume") {
    if (state === "running") return IS_RUNNING;
    if (state !== "paused") return NOT_RUNNING;
    const open = job.pauses.find((p) => p.to === null);
    if (open) open.to = now;
    return null;
  }
  if (!job.kind.cancellable) return NO_CANCEL;
  closePauses(job, now);
  job.forced = { ...cancelOutcome, at: now };
  return null;
}

/** The simulator's fault switch: a running job fails now with its type's failure. */
export function failNow(job: SimJob, now: number): boolean {
  if (viewAt(job, now).state !== "running") return false;
  const failure = job.kind.failures[0] ?? { code: 459753, message: "Command execution failed." };
  job.forced = { state: "failure", code: failure.code, message: failure.message, at: now };
  return true;
}

function closePauses(job: SimJob, now: number): void {
  for (const p of job.pauses) if (p.to === null) p.to = now;
}
