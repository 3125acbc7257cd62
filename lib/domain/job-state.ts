export const JOB_STATES = [
  "queued",
  "running",
  "paused",
  "aborting",
  "succeeded",
  "partial",
  "failed",
  "aborted",
  "canceled",
] as const;
export type JobState = (typeof JOB_STATES)[number];

const TERMINAL: ReadonlySet<JobState> = new Set(["succeeded", "partial", "failed", "aborted", "canceled"]);
const ACTIVE: ReadonlySet<JobState> = new Set(["running", "paused", "aborting"]);

export function isTerminal(state: JobState): boolean {
  return TERMINAL.has(state);
}

/** A job the vendor is still working on (so its source is polled at the fast cadence). */
export function isActive(state: JobState): boolean {
  return ACTIVE.has(state) || state === "queued";
}

export function isInFlight(state: JobState): boolean {
  return ACTIVE.has(state);
}

export function isFailure(state: JobState): boolean {
  return state === "failed" || state === "aborted" || state === "canceled";
}

export const SEVERITIES = ["info", "warning", "error"] as const;
export type Severity = (typeof SEVERITIES)[number];
