import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { poolOf, type Db, type Tx } from "@/lib/db/client";
import type { JobRecord } from "@/lib/domain/model";
import { clean, cleanIndexed, cleanJson, cleanKey } from "./clean";

/** A batch of jobs (JobStage) and their phases (PhaseStage) waiting for storeJobs to merge them into Job. */
export interface StagedJobs {
  batchId: string;
  /** The records staged, one per vendor id: storeJobs stores their events, samples and log lines. */
  jobs: JobRecord[];
  /** Phase rows staged in PhaseStage with the jobs. */
  phases: number;
  /** Removes the batch if its transaction did not (it failed or was never run). */
  release(): Promise<void>;
}

/**
 * Removes batches their process never merged nor released (the worker's upkeep round): staged over
 * an hour ago, measured by the database's own clock, as the column's default is.
 */
export async function clearAbandonedStages(db: Db): Promise<number> {
  await db.$executeRaw`DELETE FROM "PhaseStage" WHERE "stagedAt" < CURRENT_TIMESTAMP - interval '1 hour'`;
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

/** Removes a batch's jobs and phases from staging (its transaction merged it, or it was dropped). */
export async function deleteStagedBatch(db: Tx, batchId: string): Promise<void> {
  await db.$executeRaw`
    WITH phases AS (DELETE FROM "PhaseStage" WHERE "batchId" = ${batchId}::uuid)
    DELETE FROM "JobStage" WHERE "batchId" = ${batchId}::uuid`;
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

type Phase = NonNullable<JobRecord["phases"]>[number];
interface StagedPhase {
  vendorId: string;
  phase: Phase;
  depth: number;
}

/** PhaseStage's columns in COPY order (after batchId). */
const PHASE_COLUMNS: Array<[string, (x: StagedPhase) => string | number | Date | null]> = [
  ["vendorId", (x) => x.vendorId],
  ["vendorKey", (x) => cleanKey(x.phase.key)],
  ["parentKey", (x) => cleanKey(x.phase.parentKey)],
  ["lane", (x) => clean(x.phase.lane)],
  ["name", (x) => cleanIndexed(x.phase.name)],
  ["state", (x) => x.phase.state],
  ["vendorStatus", (x) => clean(x.phase.vendorStatus)],
  ["sortOrder", (x) => x.phase.order],
  ["depth", (x) => x.depth],
  ["startedAt", (x) => x.phase.startedAt],
  ["endedAt", (x) => x.phase.endedAt],
  ["message", (x) => clean(x.phase.message)],
];

/** A job's phases once per stored key (the last one read), each with its depth in the step tree. */
function stagedPhases(job: JobRecord): StagedPhase[] {
  const phases = job.phases ?? [];
  if (phases.length === 0) return [];
  const vendorId = clean(job.vendorId) ?? "";
  const depth = phaseDepths(phases);
  const byKey = new Map<string, StagedPhase>();
  for (const phase of phases) {
    const key = cleanKey(phase.key);
    byKey.delete(key);
    byKey.set(key, { vendorId, phase, depth: depth.get(phase.key) ?? 0 });
  }
  return [...byKey.values()];
}

function phaseDepths(phases: readonly Phase[]): Map<string, number> {
  const parent = new Map(phases.map((p) => [p.key, p.parentKey]));
  const depth = new Map<string, number>();
  for (const p of phases) {
    let d = 0;
    let cursor = p.parentKey;
    const seen = new Set([p.key]);
    while (cursor && parent.has(cursor) && !seen.has(cursor)) {
      seen.add(cursor);
      d++;
      cursor = parent.get(cursor) ?? null;
    }
    depth.set(p.key, d);
  }
  return depth;
}

/** COPYs rows into a staging table, each line starting with the batch id. */
async function copyRows<T>(
  client: PoolClient,
  table: string,
  batchId: string,
  columns: Array<[string, (row: T) => string | number | bigint | Date | null]>,
  rows: readonly T[],
): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const sink = client.query(copyFrom(`COPY "${table}" ("batchId", ${names}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    sink.on("finish", resolve);
    sink.on("error", reject);
  });
  const lines = rows.map(
    (row) => `${batchId}\t${columns.map(([, value]) => copyText(value(row))).join("\t")}\n`,
  );
  sink.end(lines.join(""));
  await done;
}

/**
 * Stages jobs and their phases for storeJobs with COPY, PostgreSQL's bulk path, on a connection of
 * its own and before the step's transaction: the transaction then merges with set-based SQL instead
 * of parsing the batch itself. Call `release` once the transaction has ended, whatever its outcome.
 */
export async function stageJobs(db: Db, records: readonly JobRecord[]): Promise<StagedJobs> {
  const batchId = randomUUID();
  const jobs = lastPerVendorId(records);
  const pool = poolOf(db);
  const release = async () => {
    await deleteStagedBatch(db, batchId);
  };
  const phases = jobs.flatMap(stagedPhases);
  if (jobs.length === 0) return { batchId, jobs, phases: 0, release: async () => undefined };
  const client = await pool.connect();
  try {
    await copyRows(client, "JobStage", batchId, COLUMNS, jobs);
    if (phases.length > 0) await copyRows(client, "PhaseStage", batchId, PHASE_COLUMNS, phases);
  } catch (err) {
    // A connection whose COPY broke off is not handed to anyone else; what it staged is released.
    client.release(err instanceof Error ? err : true);
    await release().catch(() => undefined);
    throw err;
  }
  client.release();
  return { batchId, jobs, phases: phases.length, release };
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
