import type { JobState, Severity } from "@/lib/domain/job-state";

/** The vocabularies are UNCONFIRMED: these word lists take the plausible variants. */
const RUNNING = new Set(["RUNNING", "IN_PROGRESS", "INPROGRESS", "STARTED", "ACTIVE", "EXECUTING"]);
const QUEUED = new Set(["PENDING", "QUEUED", "WAITING", "SCHEDULED", "NOT_STARTED", "CREATED"]);
const STOPPING = new Set(["CANCELLING", "CANCELING", "ABORTING", "STOPPING"]);
const FINISHED = new Set(["FINISHED", "COMPLETE", "COMPLETED", "DONE", "ENDED", "STOPPED"]);
const OK = new Set(["SUCCESS", "SUCCEEDED", "OK", "INFO", "COMPLETED", "PASSED"]);
const WARNING = new Set(["WARNING", "WARN", "WARNINGS"]);
const ERROR = new Set(["ERROR", "FAILED", "FAILURE", "CRITICAL", "FATAL"]);
const CANCELLED = new Set(["CANCELLED", "CANCELED", "ABORTED"]);

export const norm = (word: string | null | undefined): string =>
  (word ?? "")
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");

/** The vendor's own words for display: "FINISHED/ERROR", "RUNNING". */
export function vendorStateOf(
  state: string | null | undefined,
  status: string | null | undefined,
): string {
  const parts = [state, status].map((w) => (w ?? "").trim()).filter(Boolean);
  return parts.length > 0 ? parts.join("/") : "unknown";
}

/** A finished node's outcome from its status word. Unknown words count as done without complaint. */
export function finishedState(status: string | null | undefined): JobState {
  const s = norm(status);
  if (CANCELLED.has(s)) return "canceled";
  if (ERROR.has(s)) return "failed";
  if (WARNING.has(s)) return "partial";
  return "succeeded";
}

/** A step or check job: state word first, then whether it has a finish time. */
export function nodeState(
  state: string | null | undefined,
  status: string | null | undefined,
  hasStarted: boolean,
  hasFinished: boolean,
): JobState {
  const s = norm(state);
  if (RUNNING.has(s)) return "running";
  if (QUEUED.has(s)) return "queued";
  if (STOPPING.has(s)) return "aborting";
  if (FINISHED.has(s) || hasFinished) return finishedState(status);
  if (CANCELLED.has(s) || ERROR.has(s) || WARNING.has(s) || OK.has(s)) return finishedState(s);
  return hasStarted ? "running" : "queued";
}

export function isCancelled(
  status: string | null | undefined,
  info: string | null | undefined,
): boolean {
  return CANCELLED.has(norm(status)) || /\bcancel(l)?ed\b/i.test(info ?? "");
}

export function severityOf(status: string | null | undefined): Severity | null {
  const s = norm(status);
  if (ERROR.has(s) || CANCELLED.has(s)) return "error";
  if (WARNING.has(s)) return "warning";
  if (OK.has(s)) return "info";
  return null;
}
