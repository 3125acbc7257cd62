import type { QuarantinedRecord, SyncBatch } from "@/lib/connectors/types";
import type { Db, Tx } from "@/lib/db/client";
import type { SourceKind } from "@/lib/domain/source-kind";
import { markGone } from "./mark-gone";
import { stageJobs, type StagedJobs } from "./stage-jobs";
import { storeJobs } from "./store-jobs";
import { storeQuarantine } from "./store-quarantine";
import { storeScheduled } from "./store-scheduled";
import { splitByVendorId } from "./vendor-id";

/** A step read from the vendor, its storable jobs staged (stageJobs) and the rest set aside. */
export interface PreparedStep {
  batch: SyncBatch;
  staged: StagedJobs;
  /** Jobs whose id cannot be stored: they join the quarantine rather than failing the step. */
  bad: QuarantinedRecord[];
}

/** Splits a step's jobs into storable and not, and stages the storable ones for storeStep. */
export async function prepareStep(db: Db, batch: SyncBatch): Promise<PreparedStep> {
  const { storable, bad } = splitByVendorId(batch.jobs);
  return { batch, staged: await stageJobs(db, storable), bad };
}

/**
 * Writes one step's data: its jobs, what is gone at the vendor, the schedule and the quarantine.
 * Returns the Jobdeck ids of jobs that changed.
 */
export async function storeStep(
  tx: Tx,
  source: { id: string; kind: SourceKind },
  { batch, staged, bad }: PreparedStep,
  now: Date,
): Promise<string[]> {
  const stored = await storeJobs(tx, source, staged, now);
  const gone = batch.presentIds ? await markGone(tx, source.id, batch.presentIds, now) : [];
  if (batch.scheduled) await storeScheduled(tx, source.id, batch.scheduled, now);
  await storeQuarantine(
    tx,
    source.id,
    [...(batch.quarantined ?? []), ...bad],
    staged.jobs.map((j) => j.vendorId),
    now,
  );
  return [...stored.changedJobIds, ...gone];
}
