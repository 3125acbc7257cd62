import type { JobRecord } from "@/lib/domain/model";
import type { Tx } from "@/lib/db/client";
import { clean } from "./store-jobs";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Phases, events, samples and log lines of one job, as keyed upserts. True when anything changed. */
export async function storeJobDetail(tx: Tx, jobId: string, job: JobRecord): Promise<boolean> {
  let changed = 0;
  if (job.phases && job.phases.length > 0) {
    const depth = phaseDepths(job.phases);
    const p = job.phases;
    changed += await tx.$executeRaw`
      INSERT INTO "Phase" (id, "jobId", "vendorKey", "parentKey", lane, name, state, "vendorStatus",
        "sortOrder", depth, "startedAt", "endedAt", message)
      SELECT gen_random_uuid(), ${jobId}::uuid, t.key, t.parent_key, t.lane, t.name, t.state::"JobState",
        t.vendor_status, t.sort_order, t.depth, t.started_at, t.ended_at, t.message
      FROM unnest(${p.map((x) => clean(x.key))}::text[], ${p.map((x) => clean(x.parentKey))}::text[],
        ${p.map((x) => clean(x.lane))}::text[], ${p.map((x) => clean(x.name))}::text[], ${p.map((x) => x.state)}::text[],
        ${p.map((x) => clean(x.vendorStatus))}::text[], ${p.map((x) => x.order)}::int[],
        ${p.map((x) => depth.get(x.key) ?? 0)}::int[], ${p.map((x) => iso(x.startedAt))}::timestamp(3)[],
        ${p.map((x) => iso(x.endedAt))}::timestamp(3)[], ${p.map((x) => clean(x.message))}::text[])
        AS t(key, parent_key, lane, name, state, vendor_status, sort_order, depth, started_at, ended_at, message)
      ON CONFLICT ("jobId", "vendorKey") DO UPDATE SET "parentKey" = EXCLUDED."parentKey",
        lane = EXCLUDED.lane, name = EXCLUDED.name, state = EXCLUDED.state,
        "vendorStatus" = EXCLUDED."vendorStatus", "sortOrder" = EXCLUDED."sortOrder", depth = EXCLUDED.depth,
        "startedAt" = EXCLUDED."startedAt", "endedAt" = EXCLUDED."endedAt", message = EXCLUDED.message
      WHERE ("Phase"."parentKey", "Phase".lane, "Phase".name, "Phase".state, "Phase"."vendorStatus",
        "Phase"."sortOrder", "Phase".depth, "Phase"."startedAt", "Phase"."endedAt", "Phase".message)
        IS DISTINCT FROM (EXCLUDED."parentKey", EXCLUDED.lane, EXCLUDED.name, EXCLUDED.state,
        EXCLUDED."vendorStatus", EXCLUDED."sortOrder", EXCLUDED.depth, EXCLUDED."startedAt",
        EXCLUDED."endedAt", EXCLUDED.message)`;
  }
  if (job.events && job.events.length > 0) {
    const e = job.events;
    changed += await tx.$executeRaw`
      INSERT INTO "JobEvent" ("jobId", "vendorKey", at, severity, type, message, raw)
      SELECT ${jobId}::uuid, t.key, t.at, t.severity::"Severity", t.type, t.message, t.raw
      FROM unnest(${e.map((x) => clean(x.key))}::text[], ${e.map((x) => x.at.toISOString())}::timestamp(3)[],
        ${e.map((x) => x.severity)}::text[], ${e.map((x) => clean(x.type))}::text[], ${e.map((x) => clean(x.message))}::text[],
        ${e.map((x) => JSON.stringify(x.raw ?? null).replace(/\\u0000/g, ""))}::jsonb[])
        AS t(key, at, severity, type, message, raw)
      ON CONFLICT ("jobId", "vendorKey") DO NOTHING`;
  }
  if (job.samples && job.samples.length > 0) {
    const s = job.samples;
    changed += await tx.$executeRaw`
      INSERT INTO "JobSample" ("jobId", at, "bytesDone", "bytesPerSec", percent)
      SELECT ${jobId}::uuid, t.at, t.bytes_done, t.bps, t.percent
      FROM unnest(${s.map((x) => x.at.toISOString())}::timestamp(3)[],
        ${s.map((x) => (x.bytesDone === null ? null : x.bytesDone.toString()))}::bigint[],
        ${s.map((x) => x.bytesPerSec)}::float8[], ${s.map((x) => x.percent)}::float8[]) AS t(at, bytes_done, bps, percent)
      ON CONFLICT ("jobId", at) DO NOTHING`;
  }
  if (job.log && job.log.length > 0) {
    const l = job.log;
    changed += await tx.$executeRaw`
      INSERT INTO "JobLogLine" ("jobId", seq, at, level, text)
      SELECT ${jobId}::uuid, t.seq, t.at, t.level, t.text
      FROM unnest(${l.map((x) => x.seq)}::int[], ${l.map((x) => iso(x.at))}::timestamp(3)[],
        ${l.map((x) => clean(x.level))}::text[], ${l.map((x) => clean(x.text))}::text[]) AS t(seq, at, level, text)
      ON CONFLICT ("jobId", seq) DO UPDATE SET at = EXCLUDED.at, level = EXCLUDED.level, text = EXCLUDED.text
      WHERE ("JobLogLine".at, "JobLogLine".level, "JobLogLine".text) IS DISTINCT FROM (EXCLUDED.at, EXCLUDED.level, EXCLUDED.text)`;
  }
  return changed > 0;
}

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
