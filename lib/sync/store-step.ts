import type { SyncBatch } from "@/lib/connectors/types";
import type { Tx } from "@/lib/db/client";
import type { SourceKind } from "@/lib/domain/source-kind";
import { markGone } from "./mark-gone";
import { storeJobs } from "./store-jobs";
import { storeQuarantine } from "./store-quarantine";
import { storeScheduled } from "./store-scheduled";
import { splitByVendorId } from "./vendor-id";

/**
 * Writes one step's data: its jobs, what is gone at the vendor, the schedule and the quarantine. A
 * job whose id cannot be stored joins the quarantine rather than failing the step. Returns the
 * Jobdeck ids of jobs that changed.
 */
export async function storeStep(
  tx: Tx,
  source: { id: string; kind: SourceKind },
  batch: SyncBatch,
  now: Date,
): Promise<string[]> {
  const { storable, bad } = splitByVendorId(batch.jobs);
  const stored = await storeJobs(tx, source, storable, now);
  const gone = batch.presentIds ? await markGone(tx, source.id, batch.presentIds, now) : [];
  if (batch.scheduled) await storeScheduled(tx, source.id, batch.scheduled, now);
  await storeQuarantine(
    tx,
    source.id,
    [...(batch.quarantined ?? []), ...bad],
    storable.map((j) => j.vendorId),
    now,
  );
  return [...stored.changedJobIds, ...gone];
}
