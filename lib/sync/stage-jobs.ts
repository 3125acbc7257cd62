import { randomUUID } from "node:crypto";
import { from as copyFrom } from "pg-copy-streams";
import { poolOf, type Db } from "@/lib/db/client";
import type { JobRecord } from "@/lib/domain/model";
import { clean, cleanIndexed, cleanJson } from "./clean";

/** A batch of jobs waiting in JobStage for storeJobs to merge them into Job. */
export interface StagedJobs {
  batchId: string;
  /** The records staged, one per vendor id: storeJobs stores their phases, events, samples and log. */
  jobs: JobRecord[];
  /** Removes the batch if its transaction did not (it failed or was never run). */
  release(): Promise<void>;
}

/**
 * Removes batches their process never merged nor released (the worker's upkeep round): staged over
 * an hour ago, measured by the database's own clock, as the column's default is.
 */
export function clearAbandonedStages(db: Db): Promise<number> {
  return db.$executeRaw`DELETE FROM "JobStage" WHERE "stagedAt" < CURRENT_TIMESTAMP - interval '1 hour'`;
}

function searchText(j: JobRecord): string {
  const text = [
    j.name,
    j.type,
    j.vendorId,
    j.dataset,
    j.policy,
    j.cluster,
    j.drGroup,
    j.submittedBy,
  ]
    .map((v) => cleanIndexed(v))
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
  return clean(text) ?? "";
}

/** JobStage's columns in COPY order, each with how a record fills it (strings cleaned for PostgreSQL). */
const COLUMNS: Array<[string, (j: JobRecord) => string | number | bigint | Date | null]> = [
  ["vendorId", (j) => clean(j.vendorId)],
  ["type", (j) => cleanIndexed(j.type)],
  ["name", (j) => cleanIndexed(j.name)],
  ["state", (j) => j.state],
  ["vendorState", (j) => clean(j.vendorState)],
  ["progress", (j) => j.progress],
  ["bytesDone", (j) => j.bytesDone],
  ["bytesTotal", (j) => j.bytesTotal],
  ["throughputBps", (j) => j.throughputBps],
  ["startedAt", (j) => j.startedAt],
  ["endedAt", (j) => j.endedAt],
  ["submittedBy", (j) => cleanIndexed(j.submittedBy)],
  ["dataset", (j) => cleanIndexed(j.dataset)],
  ["policy", (j) => cleanIndexed(j.policy)],
  ["cluster", (j) => cleanIndexed(j.cluster)],
  ["drGroup", (j) => cleanIndexed(j.drGroup)],
  ["message", (j) => clean(j.message)],
  // A JSON null is staged as SQL NULL; the merge stores it as jsonb null, as the vendor sent it.
  ["raw", (j) => (j.raw === null || j.raw === undefined ? null : cleanJson(j.raw))],
  ["searchText", searchText],
];

/** One value in COPY's text format: \N for NULL, and the four characters it escapes. */
function copyText(value: string | number | bigint | Date | null): string {
  if (value === null) return "\\N";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text.replace(/[\\\n\r\t]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\t",
  );
}

/**
 * One record per vendor id, the last one read (a vendor's listing can return a job twice while
 * it pages, e.g. an ONTAP backfill page beside the same running job's refresh): a batch holds a
 * vendor id once, and the merge writes each job once.
 */
function lastPerVendorId(jobs: readonly JobRecord[]): JobRecord[] {
  const byId = new Map<string, JobRecord>();
  for (const job of jobs) {
    const id = clean(job.vendorId) ?? "";
    byId.delete(id);
    byId.set(id, job);
  }
  return byId.size === jobs.length ? [...jobs] : [...byId.values()];
}

/**
 * Stages jobs for storeJobs with COPY, PostgreSQL's bulk path, on a connection of its own and
 * before the step's transaction: the transaction then merges with set-based SQL instead of
 * parsing the batch itself. Call `release` once the transaction has ended, whatever its outcome.
 */
export async function stageJobs(db: Db, records: readonly JobRecord[]): Promise<StagedJobs> {
  const batchId = randomUUID();
  const jobs = lastPerVendorId(records);
  const pool = poolOf(db);
  const release = async () => {
    await pool.query(`DELETE FROM "JobStage" WHERE "batchId" = $1`, [batchId]);
  };
  if (jobs.length === 0) return { batchId, jobs, release: async () => undefined };
  const client = await pool.connect();
  try {
    const columns = COLUMNS.map(([name]) => `"${name}"`).join(", ");
    const sink = client.query(copyFrom(`COPY "JobStage" ("batchId", ${columns}) FROM STDIN`));
    const done = new Promise<void>((resolve, reject) => {
      sink.on("finish", resolve);
      sink.on("error", reject);
    });
    const lines = jobs.map(
      (job) => `${batchId}\t${COLUMNS.map(([, value]) => copyText(value(job))).join("\t")}\n`,
    );
    sink.end(lines.join(""));
    await done;
  } catch (err) {
    // A connection whose COPY broke off is not handed to anyone else.
    client.release(err instanceof Error ? err : true);
    throw err;
  }
  client.release();
  return { batchId, jobs, release };
}

/**
 * Stages `records`, then runs `store` (the transaction that merges them); a batch its transaction
 * did not take is removed, and one that cannot be is left for the upkeep (clearAbandonedStages).
 */
export async function withStagedJobs<T>(
  db: Db,
  records: readonly JobRecord[],
  store: (staged: StagedJobs) => Promise<T>,
): Promise<T> {
  const staged = await stageJobs(db, records);
  try {
    return await store(staged);
  } catch (err) {
    await staged.release().catch(() => undefined);
    throw err;
  }
}
