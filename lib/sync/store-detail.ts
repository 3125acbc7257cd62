import type { JobRecord } from "@/lib/domain/model";
import type { Tx } from "@/lib/db/client";
import { clean, cleanJson, cleanKey } from "./clean";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface DetailItem {
  jobId: string;
  job: JobRecord;
}

/**
 * Events, samples and log lines of many jobs, one keyed upsert per kind for the whole batch (a
 * first sync of 100,000 jobs is three statements, not 300,000); phases arrive staged with their
 * jobs (storeJobs). Returns the ids of jobs whose detail changed.
 */
export async function storeJobDetails(tx: Tx, items: DetailItem[]): Promise<Set<string>> {
  const changed = new Set<string>();
  const add = (rows: Array<{ jobId: string }>) => rows.forEach((r) => changed.add(r.jobId));

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
