import { Prisma } from "@/lib/generated/prisma/client";
import type { SourceKind } from "@/lib/domain/source-kind";
import type { Db, Tx } from "@/lib/db/client";
import type { JobRecord } from "@/lib/domain/model";
import { clean } from "./clean";
import { deleteStagedBatch, withStagedJobs, type StagedJobs } from "./stage-jobs";
import { storeJobDetails } from "./store-detail";

export interface StoreResult {
  /** Jobdeck ids of jobs inserted or changed, including a change in phases, events, samples or log. */
  changedJobIds: string[];
  inserted: number;
}

// Job's content columns, compared as one row so "changed" means any of them differs (goneAt too:
// a job seen again is no longer gone).
const STORED = Prisma.raw(`(j.type, j.name, j.state, j."vendorState", j.progress, j."bytesDone",
  j."bytesTotal", j."throughputBps", j."startedAt", j."endedAt", j."submittedBy", j.dataset, j.policy,
  j.cluster, j."drGroup", j.message, j.raw, j."goneAt" IS NULL)`);
const STAGED = Prisma.raw(`(s.type, s.name, s.state, s."vendorState", s.progress, s."bytesDone",
  s."bytesTotal", s."throughputBps", s."startedAt", s."endedAt", s."submittedBy", s.dataset, s.policy,
  s.cluster, s."drGroup", s.message, COALESCE(s.raw, 'null'::jsonb), true)`);

/**
 * Merges a staged batch (stageJobs) into Job: new jobs are inserted, jobs whose content differs are
 * rewritten with a new updatedAt, and the rest only get their seen and refreshed stamps, so a
 * replayed poll changes nothing and raises no notification. Detail rows are keyed upserts too.
 * The batch leaves the staging table with this transaction.
 */
export async function storeJobs(
  tx: Tx,
  source: { id: string; kind: SourceKind },
  staged: StagedJobs,
  now: Date,
): Promise<StoreResult> {
  if (staged.jobs.length === 0) return { changedJobIds: [], inserted: 0 };
  // Writers of one source take turns (a poll, a read-through refresh, a launch storing the job it
  // started), so "insert where not yet stored" never races another insert of the same job.
  await tx.$executeRaw`SELECT 1 FROM "Source" WHERE id = ${source.id}::uuid FOR NO KEY UPDATE`;
  const at = Prisma.sql`${now}::timestamp(3)`;
  const batch = Prisma.sql`FROM "JobStage" s WHERE s."batchId" = ${staged.batchId}::uuid`;
  const changed = await tx.$queryRaw<Row[]>`
    UPDATE "Job" j SET type = s.type, name = s.name, state = s.state, "vendorState" = s."vendorState",
      progress = s.progress, "bytesDone" = s."bytesDone", "bytesTotal" = s."bytesTotal",
      "throughputBps" = s."throughputBps", "startedAt" = s."startedAt", "endedAt" = s."endedAt",
      "sortAt" = COALESCE(s."startedAt", j."sortAt"), "submittedBy" = s."submittedBy",
      dataset = s.dataset, policy = s.policy, cluster = s.cluster, "drGroup" = s."drGroup",
      message = s.message, raw = COALESCE(s.raw, 'null'::jsonb), "searchText" = s."searchText",
      "goneAt" = NULL, "lastSeenAt" = ${at}, "refreshedAt" = ${at}, "updatedAt" = ${at}
    ${batch} AND j."sourceId" = ${source.id}::uuid AND j."vendorId" = s."vendorId"
      AND ${STORED} IS DISTINCT FROM ${STAGED}
    RETURNING j.id, j."vendorId"`;
  // Events, samples and log lines are stored from the records and need their jobs' ids; phases are
  // merged from PhaseStage by vendor id, so a batch without the rest skips returning every seen row.
  const withDetail = staged.jobs.filter((j) => j.events || j.samples || j.log);
  const seen = await tx.$queryRaw<Row[]>`
    UPDATE "Job" j SET "lastSeenAt" = ${at}, "refreshedAt" = ${at}
    ${batch} AND j."sourceId" = ${source.id}::uuid AND j."vendorId" = s."vendorId"
      AND ${STORED} IS NOT DISTINCT FROM ${STAGED}
    ${withDetail.length > 0 ? Prisma.sql`RETURNING j.id, j."vendorId"` : Prisma.empty}`;
  // Phases of jobs stored before this batch (new jobs are not in Job yet): a keyed upsert that
  // rewrites only what differs.
  const phasesChanged =
    staged.phases === 0
      ? []
      : await tx.$queryRaw<Array<{ jobId: string }>>`
    INSERT INTO "Phase" (id, "jobId", "vendorKey", "parentKey", lane, name, state, "vendorStatus",
      "sortOrder", depth, "startedAt", "endedAt", message)
    SELECT gen_random_uuid(), j.id, p."vendorKey", p."parentKey", p.lane, p.name, p.state,
      p."vendorStatus", p."sortOrder", p.depth, p."startedAt", p."endedAt", p.message
    FROM "PhaseStage" p JOIN "Job" j ON j."sourceId" = ${source.id}::uuid AND j."vendorId" = p."vendorId"
    WHERE p."batchId" = ${staged.batchId}::uuid
    ON CONFLICT ("jobId", "vendorKey") DO UPDATE SET "parentKey" = EXCLUDED."parentKey",
      lane = EXCLUDED.lane, name = EXCLUDED.name, state = EXCLUDED.state,
      "vendorStatus" = EXCLUDED."vendorStatus", "sortOrder" = EXCLUDED."sortOrder", depth = EXCLUDED.depth,
      "startedAt" = EXCLUDED."startedAt", "endedAt" = EXCLUDED."endedAt", message = EXCLUDED.message
    WHERE ("Phase"."parentKey", "Phase".lane, "Phase".name, "Phase".state, "Phase"."vendorStatus",
      "Phase"."sortOrder", "Phase".depth, "Phase"."startedAt", "Phase"."endedAt", "Phase".message)
      IS DISTINCT FROM (EXCLUDED."parentKey", EXCLUDED.lane, EXCLUDED.name, EXCLUDED.state,
      EXCLUDED."vendorStatus", EXCLUDED."sortOrder", EXCLUDED.depth, EXCLUDED."startedAt",
      EXCLUDED."endedAt", EXCLUDED.message)
    RETURNING "jobId"`;
  // New jobs and their phases in one statement: the phases are plain inserts, which spare
  // PostgreSQL the speculative insertion ON CONFLICT costs per row (most of a first sync).
  const inserted = await tx.$queryRaw<Row[]>`
    WITH inserted AS (
      INSERT INTO "Job" (id, "sourceId", kind, "vendorId", type, name, state, "vendorState", progress,
        "bytesDone", "bytesTotal", "throughputBps", "startedAt", "endedAt", "sortAt", "submittedBy",
        dataset, policy, cluster, "drGroup", message, raw, "searchText", "firstSeenAt", "lastSeenAt",
        "refreshedAt", "updatedAt")
      SELECT gen_random_uuid(), ${source.id}::uuid, ${source.kind}::"SourceKind", s."vendorId", s.type,
        s.name, s.state, s."vendorState", s.progress, s."bytesDone", s."bytesTotal", s."throughputBps",
        s."startedAt", s."endedAt", COALESCE(s."startedAt", ${at}), s."submittedBy", s.dataset,
        s.policy, s.cluster, s."drGroup", s.message, COALESCE(s.raw, 'null'::jsonb), s."searchText",
        ${at}, ${at}, ${at}, ${at}
      ${batch} AND NOT EXISTS (
        SELECT 1 FROM "Job" j WHERE j."sourceId" = ${source.id}::uuid AND j."vendorId" = s."vendorId")
      RETURNING id, "vendorId"
    ), new_phases AS (
      INSERT INTO "Phase" (id, "jobId", "vendorKey", "parentKey", lane, name, state, "vendorStatus",
        "sortOrder", depth, "startedAt", "endedAt", message)
      SELECT gen_random_uuid(), i.id, p."vendorKey", p."parentKey", p.lane, p.name, p.state,
        p."vendorStatus", p."sortOrder", p.depth, p."startedAt", p."endedAt", p.message
      FROM inserted i JOIN "PhaseStage" p
        ON p."batchId" = ${staged.batchId}::uuid AND p."vendorId" = i."vendorId"
    )
    SELECT id, "vendorId" FROM inserted`;
  await deleteStagedBatch(tx, staged.batchId);

  const changedIds = new Set([...changed, ...inserted].map((r) => r.id));
  for (const { jobId } of phasesChanged) changedIds.add(jobId);
  if (withDetail.length > 0) {
    const idByVendor = new Map([...changed, ...seen, ...inserted].map((r) => [r.vendorId, r.id]));
    const items = withDetail.flatMap((job) => {
      const jobId = idByVendor.get(clean(job.vendorId) ?? "");
      return jobId ? [{ jobId, job }] : [];
    });
    for (const jobId of await storeJobDetails(tx, items)) changedIds.add(jobId);
  }
  return { changedJobIds: [...changedIds], inserted: inserted.length };
}

interface Row {
  id: string;
  vendorId: string;
}

/** Stages and stores records in a transaction of their own: one-off writes, tests and benchmarks. */
export function storeJobRecords(
  db: Db,
  source: { id: string; kind: SourceKind },
  records: readonly JobRecord[],
  now = new Date(),
): Promise<StoreResult> {
  return withStagedJobs(db, records, (staged) =>
    db.$transaction((tx) => storeJobs(tx, source, staged, now), { timeout: 600_000 }),
  );
}
