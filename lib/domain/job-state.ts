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

/*
 * The groups Jobdeck reasons with, named so the difference between them is plain: a queued job is
 * unfinished (its source is polled fast, it may still be cancelled) but not in flight (nothing has
 * started, so it has no elapsed time, no ETA and draws no running bar).
 */

/** Started and not finished: the vendor is working on it (or pausing, or aborting it). */
export const IN_FLIGHT_STATES = [
  "running",
  "paused",
  "aborting",
] as const satisfies readonly JobState[];

/** Not finished yet: waiting to start, or in flight. */
export const UNFINISHED_STATES = [
  "queued",
  ...IN_FLIGHT_STATES,
] as const satisfies readonly JobState[];

/** Ended without doing all its work. */
export const FAILURE_STATES = [
  "failed",
  "aborted",
  "canceled",
] as const satisfies readonly JobState[];

/** Ended, one way or another: the vendor will not change it any more. */
export const TERMINAL_STATES = [
  "succeeded",
  "partial",
  ...FAILURE_STATES,
] as const satisfies readonly JobState[];

const has = (group: readonly JobState[]) => {
  const set: ReadonlySet<JobState> = new Set(group);
  return (state: JobState) => set.has(state);
};

export const isTerminal: (state: JobState) => boolean = has(TERMINAL_STATES);

/** A job the vendor has not finished (so its source is polled at the fast cadence); includes queued. */
export const isUnfinished: (state: JobState) => boolean = has(UNFINISHED_STATES);

/** Started and not finished; excludes queued. */
export const isInFlight: (state: JobState) => boolean = has(IN_FLIGHT_STATES);

export const isFailure: (state: JobState) => boolean = has(FAILURE_STATES);

export const SEVERITIES = ["info", "warning", "error"] as const;
export type Severity = (typeof SEVERITIES)[number];
