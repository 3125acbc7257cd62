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

/** A job as the row json_to_recordset reads; cleanJson cleans every string in it on the way out. */
const jobRow = (j: JobRecord) => ({
  vendor_id: j.vendorId,
  type: cleanIndexed(j.type),
  name: cleanIndexed(j.name),
  state: j.state,
  vendor_state: j.vendorState,
  progress: j.progress,
  bytes_done: big(j.bytesDone),
  bytes_total: big(j.bytesTotal),
  throughput: j.throughputBps,
  started_at: iso(j.startedAt),
  ended_at: iso(j.endedAt),
  submitted_by: cleanIndexed(j.submittedBy),
  dataset: cleanIndexed(j.dataset),
  policy: cleanIndexed(j.policy),
  cluster: cleanIndexed(j.cluster),
  dr_group: cleanIndexed(j.drGroup),
  message: j.message,
  // A JSON null arrives as SQL NULL: the SELECT stores it as jsonb null, as the vendor sent it.
  raw: j.raw ?? null,
  search_text: searchText(j),
});

export interface StoreResult {
  /** Jobdeck ids of jobs inserted or changed, including a change in phases, events, samples or log. */
  changedJobIds: string[];
  inserted: number;
}

/**
 * One record per vendor id, the last one read (a vendor's listing can return a job twice while
 * it pages, e.g. an ONTAP backfill page beside the same running job's refresh): one upsert cannot
 * write a row twice, and a duplicate would fail the whole step on every poll.
 */
function lastPerVendorId(jobs: JobRecord[]): JobRecord[] {
  const byId = new Map<string, JobRecord>();
  for (const job of jobs) {
    const id = clean(job.vendorId) ?? "";
    byId.delete(id);
    byId.set(id, job);
  }
  return byId.size === jobs.length ? jobs : [...byId.values()];
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
  jobs = lastPerVendorId(jobs);
  if (jobs.length === 0) return { changedJobIds: [], inserted: 0 };
  // One statement per batch, its rows as one JSON document (parsed by PostgreSQL in one pass, where
  // per-column arrays cost an escaped array literal each): every listed job is written once (seen and refreshed stamps), and its
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
      t.cluster, t.dr_group, t.message, COALESCE(t.raw, 'null'::jsonb), t.search_text, ${now}::timestamp(3), ${now}::timestamp(3),
      ${now}::timestamp(3), ${now}::timestamp(3)
    FROM json_to_recordset(${cleanJson(jobs.map(jobRow))}::json) AS t(vendor_id text, type text,
      name text, state text, vendor_state text, progress float8, bytes_done bigint, bytes_total bigint,
      throughput float8, started_at timestamp(3), ended_at timestamp(3), submitted_by text, dataset text,
      policy text, cluster text, dr_group text, message text, raw jsonb, search_text text)
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
