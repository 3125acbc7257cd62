import type { JobState } from "@/lib/domain/job-state";

/** States that show the vendor has acted on a request: until one appears, the request is pending. */
export const SETTLED_BY: Record<string, readonly JobState[]> = {
  pause: ["paused", "succeeded", "failed", "partial", "aborted", "canceled"],
  resume: ["running", "succeeded", "failed", "partial", "aborted", "canceled"],
  abort: ["aborted", "failed", "succeeded", "partial", "canceled"],
  cancel: ["canceled", "aborted", "failed", "succeeded", "partial"],
  kill: ["aborted", "canceled", "failed", "succeeded", "partial"],
  purge: [],
};

export function isSettled(action: string, state: JobState): boolean {
  const settled = SETTLED_BY[action];
  return settled === undefined || settled.length === 0 || settled.includes(state);
}
