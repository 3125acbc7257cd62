import { isAuditLine, type AuditLineView, type JobSummary } from "@/lib/contracts/jobs";
import type { JobAction } from "@/lib/domain/actions";
import { ApiError, apiFetchOutcome } from "@/components/api/api-fetch";

/** What became of one job's request in a bulk action. */
export type Outcome = {
  job: JobSummary;
  status: AuditLineView["status"] | "error";
  message: string;
};

/** The action API answers refusals (409) and vendor failures (502) with the audit line itself, so read the body either way. */
export async function sendJobAction(
  job: JobSummary,
  action: JobAction,
  reason: string | undefined,
  key: string,
): Promise<Outcome> {
  try {
    const { outcome: line, status } = await apiFetchOutcome(
      `/api/jobs/${encodeURIComponent(job.id)}/actions`,
      { method: "POST", headers: { "idempotency-key": key }, json: { action, reason, params: {} } },
      isAuditLine,
    );
    return {
      job,
      status: line.status,
      message: line.vendorReply ?? (status < 300 ? "sent" : `HTTP ${status}`),
    };
  } catch (err) {
    if (err instanceof ApiError) return { job, status: "error", message: err.message };
    return { job, status: "error", message: err instanceof Error ? err.message : String(err) };
  }
}
