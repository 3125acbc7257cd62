import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { SOURCE_KINDS } from "@/lib/domain/source-kind";

export interface AlertEstate {
  sourceIds: string[];
  /** The estate's "now": the newest job started just before it. */
  now: Date;
}

const YEAR_MS = 365 * 86_400_000;
const CHUNK = 100_000;

/**
 * An estate shaped like a year of real history, written with INSERT … SELECT generate_series so a
 * million jobs take seconds: `sources` sources over the five vendors, `jobs` jobs spread evenly over
 * the year (newest first), series of the same type and dataset on each source, a few hundred of
 * the newest still running, the rest finished mostly well (85 % succeeded, then failed, partial,
 * aborted, canceled), and an accepted abort on a few running jobs (what action_stuck looks at).
 */
export async function seedAlertEstate(
  db: Db,
  opts: { sources: number; jobs: number; now?: Date; log?: (line: string) => void },
): Promise<AlertEstate> {
  const now = opts.now ?? new Date();
  await db.$executeRaw`
    INSERT INTO "Source" ("id", "kind", "name", "baseUrl", "lastSuccessAt", "updatedAt")
    SELECT gen_random_uuid(), (${SOURCE_KINDS}::text[])[g % 5 + 1]::"SourceKind", 'estate source ' || g,
           'http://estate-' || g || '.invalid', ${now}, ${now}
    FROM generate_series(0, ${opts.sources - 1}::int) AS g`;
  const sources = await db.source.findMany({
    where: { name: { startsWith: "estate source " } },
    select: { id: true, kind: true, name: true },
  });
  sources.sort((a, b) => Number(a.name.slice(14)) - Number(b.name.slice(14)));
  const ids = sources.map((s) => s.id);
  const kinds = sources.map((s) => s.kind);
  const stepMs = YEAR_MS / opts.jobs;
  const running = Math.max(20, Math.round(opts.jobs / 5_000));
  for (let start = 1; start <= opts.jobs; start += CHUNK) {
    const end = Math.min(opts.jobs, start + CHUNK - 1);
    await db.$executeRaw`
      INSERT INTO "Job" ("id", "sourceId", "kind", "vendorId", "type", "name", "state", "vendorState",
                         "startedAt", "endedAt", "sortAt", "dataset", "drGroup", "bytesDone", "raw", "searchText", "updatedAt")
      SELECT gen_random_uuid(), src.id, src.kind::"SourceKind", 'estate-' || g, t.type, t.type || ' ds-' || ds,
             st.state::"JobState", st.state, at, CASE WHEN st.state = 'running' THEN NULL ELSE at + dur END, at,
             'ds-' || ds, CASE WHEN src.kind IN ('eyeglass', 'commvault') THEN 'group-' || ds END,
             (hashint % 1000)::bigint * 1048576, '{}'::jsonb, t.type || ' ds-' || ds, ${now}
      FROM generate_series(${start}::int, ${end}::int) AS g
      CROSS JOIN LATERAL (SELECT (${ids}::uuid[])[g % ${ids.length} + 1] AS id,
                                 (${kinds}::text[])[g % ${ids.length} + 1] AS kind) src
      CROSS JOIN LATERAL (SELECT abs(hashtext('estate' || g)) AS hashint, (g / ${ids.length}) % 10 AS ds,
                                 ${now}::timestamptz - (g * ${stepMs}::float8) * interval '1 millisecond' AS at) h
      CROSS JOIN LATERAL (SELECT (5 + hashint % 55) * interval '1 minute' AS dur) d
      CROSS JOIN LATERAL (SELECT CASE src.kind
          WHEN 'ontap' THEN (ARRAY['volume-move', 'snapmirror-initialize'])[g % 2 + 1]
          WHEN 'dfm' THEN (ARRAY['mirror', 'remote_backup'])[g % 2 + 1]
          WHEN 'eyeglass' THEN (ARRAY['replication', 'failover'])[g % 2 + 1]
          WHEN 'commvault' THEN (ARRAY['test-failover', 'planned-failover'])[g % 2 + 1]
          ELSE 'protection' END AS type) t
      CROSS JOIN LATERAL (SELECT CASE
          WHEN g <= ${running} THEN 'running'
          WHEN hashint % 100 < 85 THEN 'succeeded'
          WHEN hashint % 100 < 91 THEN 'failed'
          WHEN hashint % 100 < 95 THEN 'partial'
          WHEN hashint % 100 < 98 THEN 'aborted'
          ELSE 'canceled' END AS state) st`;
    opts.log?.(`inserted ${end}/${opts.jobs} jobs`);
  }
  await db.$executeRaw`
    INSERT INTO "Action" ("id", "idempotencyKey", "jobId", "sourceId", "actor", "action", "status", "requestedAt", "completedAt")
    SELECT gen_random_uuid(), 'estate-abort-' || j.id, j.id, j."sourceId", 'Estate Operator', 'abort', 'succeeded',
           ${now}::timestamptz - interval '10 minutes', ${now}::timestamptz - interval '10 minutes'
    FROM "Job" j WHERE j."vendorId" IN (${Prisma.join(["estate-1", "estate-2", "estate-3"])})`;
  await db.$executeRaw`ANALYZE "Source", "Job", "Action"`;
  return { sourceIds: ids, now };
}
