import type { JobState, Severity } from "@/lib/domain/job-state";

const SESSION_STATES: Record<string, JobState> = {
  RUNNING: "running",
  PENDING: "queued",
  HELD: "queued",
  WAITING: "queued",
  PAUSING: "paused",
  PAUSED: "paused",
  SUSPENDING: "paused",
  SUSPENDED: "paused",
  STOPPING: "aborting",
  CANCELING: "aborting",
  STOPPED: "aborted",
  CANCELED: "canceled",
  FAILED: "failed",
  PARTIAL: "partial",
  COMPLETED: "succeeded",
};

/**
 * A job session's status. UNKNOWN and anything newer keep their raw word in vendorState; an ended
 * session of unknown outcome reads partial (it stopped, but nobody said it went well).
 */
export function mapSessionStatus(status: string, ended: boolean): JobState {
  return SESSION_STATES[status.toUpperCase()] ?? (ended ? "partial" : "running");
}

const SUMMARY_STATES: Record<string, JobState> = {
  pending: "queued",
  running: "running",
  complete: "succeeded",
  completed: "succeeded",
  partial: "partial",
  failed: "failed",
  skipped: "canceled",
};

/** A resource's `summaryStatus` ("skipped" is the document's word for canceled). */
export function mapSummaryStatus(status: string | null | undefined, ended: boolean): JobState {
  return SUMMARY_STATES[(status ?? "").toLowerCase()] ?? (ended ? "partial" : "running");
}

/** Sessions SPP still works on: polled every time, and the only ones that can be canceled. */
export const ACTIVE_SESSION_STATUSES = [
  "RUNNING",
  "PENDING",
  "HELD",
  "WAITING",
  "PAUSING",
  "PAUSED",
  "SUSPENDING",
  "SUSPENDED",
  "STOPPING",
  "CANCELING",
] as const;

export function logSeverity(type: string | null | undefined): Severity {
  const t = (type ?? "").toUpperCase();
  if (t === "ERROR") return "error";
  if (t === "WARN" || t === "WARNING") return "warning";
  return "info";
}
