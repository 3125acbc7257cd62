import type { Connector, QuarantinedRecord, SyncBatch, SyncCursor } from "@/lib/connectors/types";
import type { JobRecord } from "@/lib/domain/model";

/**
 * Calls a connector's listChanged until it has no more steps, as the sync does, and merges the
 * steps: the last report of each job, every quarantined record, the listing's present ids and the
 * latest schedule (a step lists the schedule only when it changed or is due).
 */
export async function drainSync(
  connector: Pick<Connector, "listChanged">,
  cursor: SyncCursor | null,
  maxSteps = 1_000,
): Promise<SyncBatch & { steps: number }> {
  const jobs = new Map<string, JobRecord>();
  const quarantined = new Map<string, QuarantinedRecord>();
  let presentIds: string[] | undefined;
  let scheduled: SyncBatch["scheduled"];
  let batch: SyncBatch;
  let steps = 0;
  let at = cursor;
  do {
    if (steps >= maxSteps) throw new Error(`listChanged still had more after ${maxSteps} steps`);
    batch = await connector.listChanged(at);
    steps += 1;
    for (const job of batch.jobs) jobs.set(job.vendorId, job);
    for (const q of batch.quarantined ?? []) quarantined.set(q.key, q);
    presentIds ??= batch.presentIds;
    scheduled = batch.scheduled ?? scheduled;
    at = batch.cursor;
  } while (batch.more);
  return {
    ...batch,
    jobs: [...jobs.values()],
    quarantined: [...quarantined.values()],
    ...(presentIds ? { presentIds } : {}),
    ...(scheduled ? { scheduled } : {}),
    more: false,
    steps,
  };
}
