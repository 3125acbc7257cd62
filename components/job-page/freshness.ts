import type { JobDetailView } from "@/lib/contracts/jobs";
import { isUnfinished } from "@/lib/domain/job-state";

/** An active job not confirmed for this long is suspect, even if no poll has failed yet. */
export const STALE_AFTER_MS = 60_000;

export interface Freshness {
  /** When the data was last known to be current. */
  asOf: number;
  stale: boolean;
  reason: string | null;
}

const time = (iso: string | null) => (iso ? Date.parse(iso) : 0);

/**
 * Incremental polls only touch jobs that changed, so an unchanged job is as fresh as its source's
 * last successful poll. Stale when the source is failing, a read-through failed, or an active job
 * has gone unconfirmed for a minute.
 */
export function freshnessOf(
  detail: Pick<JobDetailView, "job" | "refreshedAt" | "source" | "refreshError">,
  now: number,
): Freshness {
  const lastSuccess = time(detail.source.lastSuccessAt);
  const asOf = Math.max(time(detail.refreshedAt), detail.job.goneAt ? 0 : lastSuccess);
  const lastError = time(detail.source.lastErrorAt);
  if (lastError > lastSuccess) {
    return {
      asOf,
      stale: true,
      reason: `the source has not answered since ${new Date(lastSuccess || asOf).toLocaleTimeString()}${detail.source.lastError ? `: ${detail.source.lastError}` : ""}`,
    };
  }
  if (detail.refreshError) return { asOf, stale: true, reason: detail.refreshError };
  if (isUnfinished(detail.job.state) && !detail.job.goneAt && now - asOf > STALE_AFTER_MS) {
    return { asOf, stale: true, reason: "no word from the source for over a minute" };
  }
  return { asOf, stale: false, reason: null };
}
