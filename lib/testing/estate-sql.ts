import { SOURCE_KINDS } from "@/lib/domain/source-kind";
import type { Db } from "@/lib/db/client";

export interface EstateOptions {
  jobs: number;
  /** Sources, spread over the five vendors. */
  sources?: number;
  /** The newest job starts just before this; the oldest `days` earlier. */
  now: Date;
  days?: number;
}

/**
 * A year-like estate in a few set-based statements (generate_series), for plan tests and the bench:
 * skewed states (mostly succeeded, a few running), nulls in end/progress/bytes, a dozen job types,
 * hundreds of datasets and policies, searchable names. Deterministic: row i is always the same job.
 */
export async function generateEstate(
  /** Not a transaction: the estate is VACUUMed, which no transaction may run. */
  db: Db,
  opts: EstateOptions,
): Promise<{ sourceIds: string[] }> {
  const sources = opts.sources ?? 10;
  const days = opts.days ?? 365;
  const now = opts.now.toISOString().replace("Z", "");
  await db.$executeRaw`
    INSERT INTO "Source" (id, kind, name, "baseUrl", "updatedAt")
    SELECT gen_random_uuid(), (${SOURCE_KINDS}::text[])[1 + (g % 5)]::"SourceKind", 'estate-' || g, 'http://estate-' || g || '.invalid', now()
    FROM generate_series(0, ${sources - 1}::int) g
    ON CONFLICT (name) DO NOTHING`;
  const ids = await db.$queryRaw<
    Array<{ id: string }>
  >`SELECT id::text FROM "Source" WHERE name LIKE 'estate-%' ORDER BY name`;
  const sourceIds = ids.map((r) => r.id);
  // Job i: started i·(days/jobs) before now, so the newest are the running ones.
  await db.$executeRaw`
    WITH src AS (SELECT row_number() OVER (ORDER BY name) - 1 AS n, id, kind FROM "Source" WHERE name LIKE 'estate-%'),
    g AS (
      SELECT i, ${now}::timestamp - make_interval(secs => i * (${days}::float8 * 86400 / ${opts.jobs}::float8)) AS s,
        (ARRAY['backup','mirror','snapmirror','vault','restore','replication','dr-test','failover','readiness','snapshot','clone','archive'])[1 + (i % 12)] AS type
      FROM generate_series(0, ${opts.jobs - 1}::int) i
    )
    INSERT INTO "Job" (id, "sourceId", kind, "vendorId", type, name, state, "vendorState", progress, "bytesDone", "bytesTotal",
      "startedAt", "endedAt", "sortAt", dataset, policy, cluster, raw, "searchText", "updatedAt")
    SELECT gen_random_uuid(), src.id, src.kind, 'e' || g.i, g.type, g.type || ' vol' || (g.i % 997) || ' job ' || g.i,
      st.state::"JobState", st.state, CASE WHEN g.i % 7 = 0 THEN NULL ELSE (g.i % 101)::float8 END,
      CASE WHEN g.i % 11 = 0 THEN NULL ELSE (g.i::bigint * 7919) % 10000000000000 END, NULL,
      g.s, CASE WHEN st.state IN ('running','queued','paused') OR g.i % 13 = 0 THEN NULL ELSE g.s + make_interval(secs => 60 + (g.i % 3600)) END,
      g.s, 'ds' || (g.i % 500), 'policy-' || (g.i % 200), 'cluster-' || (g.i % 8), '{}'::jsonb,
      lower(g.type || ' vol' || (g.i % 997) || ' job ' || g.i || ' ds' || (g.i % 500) || ' policy-' || (g.i % 200)), now()
    FROM g
    JOIN src ON src.n = g.i % ${sources}::int
    CROSS JOIN LATERAL (SELECT CASE
      WHEN g.i < 20 THEN 'running' WHEN g.i < 30 THEN 'queued'
      WHEN g.i % 50 = 1 THEN 'failed' WHEN g.i % 97 = 2 THEN 'partial' WHEN g.i % 199 = 3 THEN 'aborted'
      ELSE 'succeeded' END AS state) st
    ON CONFLICT ("sourceId", "vendorId") DO NOTHING`;
  // VACUUM as well: a year-old estate's pages are all-visible (autovacuum has long been by), which is
  // what lets PostgreSQL plan index-only scans; ANALYZE alone leaves the plans of a table just loaded.
  await db.$executeRaw`VACUUM (ANALYZE) "Job"`;
  return { sourceIds };
}
