import type { JobRecord } from "@/lib/domain/model";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { clean, cleanIndexed, cleanJson, cleanKey } from "./clean";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface DetailItem {
  jobId: string;
  job: JobRecord;
}

/**
 * Phases, events, samples and log lines of many jobs, one keyed upsert per kind for the whole
 * batch (a first sync of 100,000 jobs is four statements, not 400,000). `newJobIds`: jobs this
 * batch inserted, which have no detail yet. Returns the ids of jobs whose detail changed.
 */
export async function storeJobDetails(
  tx: Tx,
  items: DetailItem[],
  newJobIds: ReadonlySet<string> = new Set(),
): Promise<Set<string>> {
  const changed = new Set<string>();
  const add = (rows: Array<{ jobId: string }>) => rows.forEach((r) => changed.add(r.jobId));

  const phases = items.flatMap(({ jobId, job }) => {
    const depth = phaseDepths(job.phases ?? []);
    return (job.phases ?? []).map((p) => ({ jobId, p, depth: depth.get(p.key) ?? 0 }));
  });
  const insertPhases = (rows: typeof phases, onConflict: Prisma.Sql) =>
    tx.$queryRaw<Array<{ jobId: string }>>`
      INSERT INTO "Phase" (id, "jobId", "vendorKey", "parentKey", lane, name, state, "vendorStatus",
        "sortOrder", depth, "startedAt", "endedAt", message)
      SELECT gen_random_uuid(), t.job_id, t.key, t.parent_key, t.lane, t.name, t.state::"JobState",
        t.vendor_status, t.sort_order, t.depth, t.started_at, t.ended_at, t.message
      FROM json_to_recordset(${cleanJson(rows.map(phaseRow))}::json) AS t(job_id uuid, key text,
        parent_key text, lane text, name text, state text, vendor_status text, sort_order int, depth int,
        started_at timestamp(3), ended_at timestamp(3), message text)
      ${onConflict}
      RETURNING "jobId"`;
  // A job inserted by this batch has no phases yet: its phases are plain inserts, which spare
  // PostgreSQL the speculative insertion ON CONFLICT costs per row (most of a first sync).
  const phasesOfNew = phases.filter((x) => newJobIds.has(x.jobId));
  if (phasesOfNew.length > 0) add(await insertPhases(phasesOfNew, Prisma.empty));
  const phasesOfKnown = phases.filter((x) => !newJobIds.has(x.jobId));
  if (phasesOfKnown.length > 0)
    add(
      await insertPhases(
        phasesOfKnown,
        Prisma.sql`ON CONFLICT ("jobId", "vendorKey") DO UPDATE SET "parentKey" = EXCLUDED."parentKey",
          lane = EXCLUDED.lane, name = EXCLUDED.name, state = EXCLUDED.state,
          "vendorStatus" = EXCLUDED."vendorStatus", "sortOrder" = EXCLUDED."sortOrder", depth = EXCLUDED.depth,
          "startedAt" = EXCLUDED."startedAt", "endedAt" = EXCLUDED."endedAt", message = EXCLUDED.message
        WHERE ("Phase"."parentKey", "Phase".lane, "Phase".name, "Phase".state, "Phase"."vendorStatus",
          "Phase"."sortOrder", "Phase".depth, "Phase"."startedAt", "Phase"."endedAt", "Phase".message)
          IS DISTINCT FROM (EXCLUDED."parentKey", EXCLUDED.lane, EXCLUDED.name, EXCLUDED.state,
          EXCLUDED."vendorStatus", EXCLUDED."sortOrder", EXCLUDED.depth, EXCLUDED."startedAt",
          EXCLUDED."endedAt", EXCLUDED.message)`,
      ),
    );

  const events = items.flatMap(({ jobId, job }) => (job.events ?? []).map((e) => ({ jobId, e })));
  if (events.length > 0) {
    add(
      await tx.$queryRaw<Array<{ jobId: string }>>`
      INSERT INTO "JobEvent" ("jobId", "vendorKey", at, severity, type, message, raw)
      -- The table is partitioned by time, so its unique key includes "at": the first sighting of a key
      -- (in the batch, then in the table) is the event, and the same key with another time is not a second one.
      SELECT DISTINCT ON (t.job_id, t.key) t.job_id, t.key, t.at, t.severity::"Severity", t.type, t.message, t.raw
      FROM unnest(${events.map((x) => x.jobId)}::uuid[], ${events.map((x) => cleanKey(x.e.key))}::text[],
        ${events.map((x) => x.e.at.toISOString())}::timestamp(3)[], ${events.map((x) => x.e.severity)}::text[],
        ${events.map((x) => clean(x.e.type))}::text[], ${events.map((x) => clean(x.e.message))}::text[],
        ${events.map((x) => cleanJson(x.e.raw))}::jsonb[]) WITH ORDINALITY
        AS t(job_id, key, at, severity, type, message, raw, n)
      WHERE NOT EXISTS (SELECT 1 FROM "JobEvent" e WHERE e."jobId" = t.job_id AND e."vendorKey" = t.key)
      ORDER BY t.job_id, t.key, t.n
      ON CONFLICT ("jobId", "vendorKey", at) DO NOTHING
      RETURNING "jobId"`,
    );
  }

  const samples = items.flatMap(({ jobId, job }) => (job.samples ?? []).map((s) => ({ jobId, s })));
  if (samples.length > 0) {
    add(
      await tx.$queryRaw<Array<{ jobId: string }>>`
      INSERT INTO "JobSample" ("jobId", at, "bytesDone", "bytesPerSec", percent)
      SELECT t.job_id, t.at, t.bytes_done, t.bps, t.percent
      FROM unnest(${samples.map((x) => x.jobId)}::uuid[], ${samples.map((x) => x.s.at.toISOString())}::timestamp(3)[],
        ${samples.map((x) => (x.s.bytesDone === null ? null : x.s.bytesDone.toString()))}::bigint[],
        ${samples.map((x) => x.s.bytesPerSec)}::float8[], ${samples.map((x) => x.s.percent)}::float8[])
        AS t(job_id, at, bytes_done, bps, percent)
      ON CONFLICT ("jobId", at) DO NOTHING
      RETURNING "jobId"`,
    );
  }

  const lines = items.flatMap(({ jobId, job }) => (job.log ?? []).map((l) => ({ jobId, l })));
  if (lines.length > 0) {
    add(
      await tx.$queryRaw<Array<{ jobId: string }>>`
      INSERT INTO "JobLogLine" ("jobId", "jobSeenAt", seq, at, level, text)
      SELECT t.job_id, j."firstSeenAt", t.seq, t.at, t.level, t.text
      FROM unnest(${lines.map((x) => x.jobId)}::uuid[], ${lines.map((x) => x.l.seq)}::int[],
        ${lines.map((x) => iso(x.l.at))}::timestamp(3)[], ${lines.map((x) => clean(x.l.level))}::text[],
        ${lines.map((x) => clean(x.l.text))}::text[]) AS t(job_id, seq, at, level, text)
      -- Lines are partitioned by their job's first sighting, fixed per job, so (jobId, seq) stays one line.
      JOIN "Job" j ON j.id = t.job_id
      ON CONFLICT ("jobId", seq, "jobSeenAt") DO UPDATE SET at = EXCLUDED.at, level = EXCLUDED.level, text = EXCLUDED.text
      WHERE ("JobLogLine".at, "JobLogLine".level, "JobLogLine".text) IS DISTINCT FROM (EXCLUDED.at, EXCLUDED.level, EXCLUDED.text)
      RETURNING "jobId"`,
    );
  }
  return changed;
}

type Phase = NonNullable<JobRecord["phases"]>[number];

/** A phase as the row json_to_recordset reads (one JSON document per batch, not twelve arrays). */
const phaseRow = (x: { jobId: string; p: Phase; depth: number }) => ({
  job_id: x.jobId,
  key: cleanKey(x.p.key),
  parent_key: cleanKey(x.p.parentKey),
  lane: x.p.lane,
  name: cleanIndexed(x.p.name),
  state: x.p.state,
  vendor_status: x.p.vendorStatus,
  sort_order: x.p.order,
  depth: x.depth,
  started_at: iso(x.p.startedAt),
  ended_at: iso(x.p.endedAt),
  message: x.p.message,
});

function phaseDepths(phases: NonNullable<JobRecord["phases"]>): Map<string, number> {
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
