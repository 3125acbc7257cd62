import type { JobState, Severity } from "@/lib/domain/job-state";
import type { DpJobInfo } from "./schemas";

/**
 * DFM's job-state says where a job is; job-progress says how its transfers went. A completed job's
 * outcome is therefore its progress. When job-state is absent or unknown it is derived from the
 * timestamps, as the document says DFM itself does.
 */
export function mapJobState(info: DpJobInfo): JobState {
  switch (info["job-state"]) {
    case "running":
      return "running";
    case "queued":
      return "queued";
    case "aborting":
      return "aborting";
    case "aborted":
      return "aborted";
    case "completed":
      return outcome(info["job-progress"]);
    default:
      return fromTimestamps(info);
  }
}

function fromTimestamps(info: DpJobInfo): JobState {
  const completed = info["completed-timestamp"] !== undefined;
  if (info["abort-requested-timestamp"] !== undefined) return completed ? "aborted" : "aborting";
  if (completed) return outcome(info["job-progress"]);
  return info["started-timestamp"] !== undefined ? "running" : "queued";
}

function outcome(progress: string): JobState {
  switch (progress) {
    case "success":
    case "in_progress":
      return "succeeded";
    case "failure":
      return "failed";
    default:
      return "partial";
  }
}

/** The vendor's words, both of them: "completed · partial_success". */
export function vendorStateOf(info: DpJobInfo): string {
  return `${info["job-state"] ?? "unreported"} · ${info["job-progress"]}`;
}

export function severityOf(status: string): Severity {
  switch (status) {
    case "warning":
      return "warning";
    case "error":
    case "critical":
    case "emergency":
      return "error";
    default:
      return "info";
  }
}
