import type { JobDetailView } from "@/lib/contracts/jobs";
import { getJobDetail } from "@/lib/data/job-detail";
import { getJobForAction } from "@/lib/data/jobs";
import { getDb, type Db } from "@/lib/db/client";
import type { JobState } from "@/lib/domain/job-state";
import { connectorForSource } from "@/lib/sync/connector-for-source";
import { refreshJobIfStale } from "./refresh-job";

/**
 * A job page's data: refreshed from the vendor when stale, with the actions its state allows. A
 * source whose connector cannot be built (its credential does not open with this process's key)
 * still shows its stored job, with no actions and the reason as the refresh error.
 */
export async function loadJobPage(id: string, db: Db = getDb()): Promise<JobDetailView | null> {
  const refreshError = await refreshJobIfStale(id, db);
  const job = await getJobForAction(id, db);
  if (!job) return null;
  let connector;
  try {
    connector = await connectorForSource(job.sourceId, db);
  } catch (err) {
    const reason = `the vendor cannot be reached: ${err instanceof Error ? err.message : String(err)}`;
    return getJobDetail(id, { allowedActions: [], refreshError: refreshError ?? reason }, db);
  }
  const allowedActions = connector.capabilities({
    vendorId: job.vendorId,
    type: job.type,
    state: job.state as JobState,
    vendorState: job.vendorState,
    raw: job.raw,
  });
  return getJobDetail(id, { allowedActions, refreshError }, db);
}
