import type { JobRecord } from "@/lib/domain/model";
import type { SourceKind } from "@/lib/domain/source-kind";
import type { Tx } from "@/lib/db/client";
import { clean, cleanIndexed, cleanJson } from "./clean";
import { storeJobDetails } from "./store-detail";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const big = (n: bigint | null) => (n === null ? null : n.toString());

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

export interface StoreResult {
  /** Jobdeck ids of jobs inserted or changed, including a change in phases, events, samples or log. */
  changedJobIds: string[];
  inserted: number;
}

/**
 * Upserts a batch of vendor jobs in bulk. Only rows whose content differs are rewritten, so
 * replaying a poll changes nothing and raises no notification; detail rows are keyed upserts too.
 */
export async function storeJobs(
  tx: Tx,
  source: { id: string; kind: SourceKind },
  jobs: JobRecord[],
  now: Date,
): Promise<StoreResult> {
  if (jobs.length === 0) return { changedJobIds: [], inserted: 0 };
  // One statement per batch: every listed job is written once (seen and refreshed stamps), and its
  // content columns and updatedAt only when they differ, which RETURNING reports as `changed`.
  const rows = await tx.$queryRaw<
    Array<{ id: string; vendorId: string; inserted: boolean; changed: boolean }>
  >`
    INSERT INTO "Job" AS j (id, "sourceId", kind, "vendorId", type, name, state, "vendorState", progress,
      "bytesDone", "bytesTotal", "throughputBps", "startedAt", "endedAt", "sortAt", "submittedBy",
      dataset, policy, cluster, "drGroup", message, raw, "searchText", "firstSeenAt", "lastSeenAt",
      "refreshedAt", "updatedAt")
    SELECT gen_random_uuid(), ${source.id}::uuid, ${source.kind}::"SourceKind", t.vendor_id, t.type, t.name,
      t.state::"JobState", t.vendor_state, t.progress, t.bytes_done, t.bytes_total, t.throughput,
      t.started_at, t.ended_at, COALESCE(t.started_at, ${now}::timestamp(3)), t.submitted_by, t.dataset, t.policy,
      t.cluster, t.dr_group, t.message, t.raw, t.search_text, ${now}::timestamp(3), ${now}::timestamp(3),
      ${now}::timestamp(3), ${now}::timestamp(3)
    FROM unnest(
      ${jobs.map((j) => clean(j.vendorId))}::text[],
      ${jobs.map((j) => cleanIndexed(j.type))}::text[],
      ${jobs.map((j) => cleanIndexed(j.name))}::text[],
      ${jobs.map((j) => j.state)}::text[],
      ${jobs.map((j) => clean(j.vendorState))}::text[],
      ${jobs.map((j) => j.progress)}::float8[],
      ${jobs.map((j) => big(j.bytesDone))}::bigint[],
      ${jobs.map((j) => big(j.bytesTotal))}::bigint[],
      ${jobs.map((j) => j.throughputBps)}::float8[],
      ${jobs.map((j) => iso(j.startedAt))}::timestamp(3)[],
      ${jobs.map((j) => iso(j.endedAt))}::timestamp(3)[],
      ${jobs.map((j) => cleanIndexed(j.submittedBy))}::text[],
      ${jobs.map((j) => cleanIndexed(j.dataset))}::text[],
      ${jobs.map((j) => cleanIndexed(j.policy))}::text[],
      ${jobs.map((j) => cleanIndexed(j.cluster))}::text[],
      ${jobs.map((j) => cleanIndexed(j.drGroup))}::text[],
      ${jobs.map((j) => clean(j.message))}::text[],
      ${jobs.map((j) => cleanJson(j.raw))}::jsonb[],
      ${jobs.map(searchText)}::text[]
    ) AS t(vendor_id, type, name, state, vendor_state, progress, bytes_done, bytes_total, throughput,
      started_at, ended_at, submitted_by, dataset, policy, cluster, dr_group, message, raw, search_text)
    ON CONFLICT ("sourceId", "vendorId") DO UPDATE SET
      type = EXCLUDED.type, name = EXCLUDED.name, state = EXCLUDED.state,
      "vendorState" = EXCLUDED."vendorState", progress = EXCLUDED.progress,
      "bytesDone" = EXCLUDED."bytesDone", "bytesTotal" = EXCLUDED."bytesTotal",
      "throughputBps" = EXCLUDED."throughputBps", "startedAt" = EXCLUDED."startedAt",
      "endedAt" = EXCLUDED."endedAt", "sortAt" = COALESCE(EXCLUDED."startedAt", j."sortAt"),
      "submittedBy" = EXCLUDED."submittedBy", dataset = EXCLUDED.dataset, policy = EXCLUDED.policy,
      cluster = EXCLUDED.cluster, "drGroup" = EXCLUDED."drGroup", message = EXCLUDED.message,
      raw = EXCLUDED.raw, "searchText" = EXCLUDED."searchText", "goneAt" = NULL,
      "lastSeenAt" = EXCLUDED."lastSeenAt", "refreshedAt" = EXCLUDED."refreshedAt",
      "updatedAt" = CASE WHEN (j.type, j.name, j.state, j."vendorState", j.progress, j."bytesDone",
          j."bytesTotal", j."throughputBps", j."startedAt", j."endedAt", j."submittedBy",
          j.dataset, j.policy, j.cluster, j."drGroup", j.message, j.raw, j."goneAt" IS NULL)
        IS DISTINCT FROM (EXCLUDED.type, EXCLUDED.name, EXCLUDED.state, EXCLUDED."vendorState",
          EXCLUDED.progress, EXCLUDED."bytesDone", EXCLUDED."bytesTotal", EXCLUDED."throughputBps",
          EXCLUDED."startedAt", EXCLUDED."endedAt", EXCLUDED."submittedBy", EXCLUDED.dataset,
          EXCLUDED.policy, EXCLUDED.cluster, EXCLUDED."drGroup", EXCLUDED.message, EXCLUDED.raw, true)
        THEN EXCLUDED."updatedAt" ELSE j."updatedAt" END
    RETURNING id, "vendorId", (xmax = 0) AS inserted, ("updatedAt" = ${now}::timestamp(3)) AS changed`;

  const changed = new Set(rows.flatMap((r) => (r.changed ? [r.id] : [])));
  const withDetail = jobs.filter((j) => j.phases || j.events || j.samples || j.log);
  if (withDetail.length > 0) {
    const idByVendor = new Map(rows.map((r) => [r.vendorId, r.id]));
    const items = withDetail.flatMap((job) => {
      const jobId = idByVendor.get(clean(job.vendorId) ?? "");
      return jobId ? [{ jobId, job }] : [];
    });
    for (const jobId of await storeJobDetails(tx, items)) changed.add(jobId);
  }
  return { changedJobIds: [...changed], inserted: rows.filter((r) => r.inserted).length };
}
