import { VendorError } from "@/lib/connectors/errors";
import { getDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { connectorForSource } from "@/lib/sync/connector-for-source";
import { notifyJobChanges } from "@/lib/sync/notify";
import { withStagedJobs } from "@/lib/sync/stage-jobs";
import { storeJobs } from "@/lib/sync/store-jobs";

/** In-flight refreshes by job id: concurrent viewers of one job share one vendor call. */
const inFlight = new Map<string, Promise<string | null>>();

/**
 * Read-through: when the stored copy of a job is older than JOBDECK_READ_THROUGH_MS, ask the vendor
 * for it now and store the answer. Returns a readable error when the vendor could not be asked (the
 * caller then shows the cached copy with a warning), null otherwise. A maxAgeMs of 0 (after an
 * action) always asks anew: a refresh already under way may have read the job before the action.
 */
export function refreshJobIfStale(
  jobId: string,
  db: Db = getDb(),
  maxAgeMs = env().JOBDECK_READ_THROUGH_MS,
): Promise<string | null> {
  if (maxAgeMs <= 0) return refreshIfStale(db, jobId, maxAgeMs);
  // Registered before the stored copy is read: a viewer whose read finished after another's
  // refresh had already ended would see the old refreshedAt and ask the vendor a second time.
  const running = inFlight.get(jobId);
  if (running) return running;
  const work = refreshIfStale(db, jobId, maxAgeMs).finally(() => inFlight.delete(jobId));
  inFlight.set(jobId, work);
  return work;
}

async function refreshIfStale(db: Db, jobId: string, maxAgeMs: number): Promise<string | null> {
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: {
      id: true,
      sourceId: true,
      kind: true,
      vendorId: true,
      refreshedAt: true,
      goneAt: true,
    },
  });
  if (!job || job.goneAt || Date.now() - job.refreshedAt.getTime() < maxAgeMs) return null;
  return refresh(db, job);
}

async function refresh(
  db: Db,
  job: {
    id: string;
    sourceId: string;
    kind: Parameters<typeof storeJobs>[1]["kind"];
    vendorId: string;
  },
): Promise<string | null> {
  try {
    const connector = await connectorForSource(job.sourceId, db);
    const record = await connector.getJob(job.vendorId, AbortSignal.timeout(15_000));
    if (record === null) {
      await db.$transaction(async (tx) => {
        const now = new Date();
        await tx.job.update({ where: { id: job.id }, data: { goneAt: now, refreshedAt: now } });
        await notifyJobChanges(tx, job.sourceId, [job.id]);
      });
      return null;
    }
    await withStagedJobs(db, [record], (staged) =>
      db.$transaction(async (tx) => {
        const stored = await storeJobs(
          tx,
          { id: job.sourceId, kind: job.kind },
          staged,
          new Date(),
        );
        await notifyJobChanges(tx, job.sourceId, stored.changedJobIds);
      }),
    );
    return null;
  } catch (err) {
    return err instanceof VendorError
      ? err.message
      : `refresh failed: ${err instanceof Error ? err.message : String(err)}`;
  }
}
