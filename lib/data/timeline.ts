import { NO_LANE_VALUE, type DensityBucket, type TimelineData, type TimelineGroup } from "@/lib/api/explorer-types";
import { getDb, type Tx } from "@/lib/db/client";
import type { JobState } from "@/lib/domain/job-state";
import type { SourceKind } from "@/lib/domain/source-kind";
import { Prisma } from "@/lib/generated/prisma/client";
import { jobWhere, summarySelect, toJobSummary } from "./jobs";

export interface TimelineQuery {
  from: Date;
  to: Date;
  group: TimelineGroup;
  kinds?: SourceKind[];
  sourceIds?: string[];
  states?: JobState[];
  /** Above this many jobs in the window the answer is density, not bars. */
  maxBars: number;
  buckets: number;
  now?: Date;
}

const ACTIVE_STATES: JobState[] = ["queued", "running", "paused", "aborting"];

/**
 * Jobs whose span [sortAt, end) meets the window; a job still going extends to now, and a finished
 * job the vendor gave no end time is a point at its start.
 */
function overlapWhere(from: Date, to: Date): Prisma.JobWhereInput {
  return {
    sortAt: { lt: to },
    OR: [{ endedAt: { gte: from } }, { endedAt: null, state: { in: ACTIVE_STATES } }, { endedAt: null, sortAt: { gte: from } }],
  };
}

export async function getTimeline(q: TimelineQuery, db: Tx = getDb()): Promise<TimelineData> {
  const where: Prisma.JobWhereInput = { AND: [jobWhere({ kinds: q.kinds, sourceIds: q.sourceIds, states: q.states }), overlapWhere(q.from, q.to)] };
  const total = await db.job.count({ where });
  const base = { nextCursor: null, from: q.from.toISOString(), to: q.to.toISOString(), total };
  if (total <= q.maxBars) {
    const rows = await db.job.findMany({ where, orderBy: [{ sortAt: "asc" }, { id: "asc" }], take: q.maxBars, select: summarySelect });
    return { ...base, mode: "bars", items: rows.map(toJobSummary), density: [] };
  }
  return { ...base, mode: "density", items: [], density: await densityBuckets(q, db) };
}

const LANE_SQL: Record<TimelineGroup, Prisma.Sql> = {
  source: Prisma.sql`s."name"`,
  vendor: Prisma.sql`j."kind"::text`,
  cluster: Prisma.sql`coalesce(j."cluster", ${NO_LANE_VALUE})`,
  dataset: Prisma.sql`coalesce(j."dataset", ${NO_LANE_VALUE})`,
  policy: Prisma.sql`coalesce(j."policy", ${NO_LANE_VALUE})`,
};

/** Per lane and slice of the window: jobs overlapping it, of which failed and still active. */
export async function densityBuckets(q: TimelineQuery, db: Tx = getDb()): Promise<DensityBucket[]> {
  const now = q.now ?? new Date();
  const fromMs = q.from.getTime();
  const step = Math.max(1, Math.ceil((q.to.getTime() - fromMs) / q.buckets));
  // Columns are UTC timestamps without zone: compare against UTC wall times, never session-zone casts.
  const ts = (d: Date) => Prisma.sql`${d.toISOString().replace("Z", "")}::timestamp`;
  const filters: Prisma.Sql[] = [Prisma.sql`j."sortAt" < ${ts(q.to)}`];
  if (q.kinds?.length) filters.push(Prisma.sql`j."kind"::text IN (${Prisma.join(q.kinds)})`);
  if (q.sourceIds?.length) filters.push(Prisma.sql`j."sourceId"::text IN (${Prisma.join(q.sourceIds)})`);
  if (q.states?.length) filters.push(Prisma.sql`j."state"::text IN (${Prisma.join(q.states)})`);
  const rows = await db.$queryRaw<Array<{ lane: string; i: number; count: number; failed: number; active: number }>>`
    WITH spans AS (
      SELECT ${LANE_SQL[q.group]} AS lane, j."state"::text AS state, j."sortAt" AS s,
             coalesce(j."endedAt", CASE WHEN j."state"::text IN (${Prisma.join(ACTIVE_STATES)}) THEN ${ts(now)} ELSE j."sortAt" END) AS e
      FROM "Job" j JOIN "Source" s ON s."id" = j."sourceId"
      WHERE ${Prisma.join(filters, " AND ")}
    ), slices AS (
      SELECT g AS i,
             ${ts(q.from)} + make_interval(secs => g * ${step / 1000}::float8) AS lo,
             ${ts(q.from)} + make_interval(secs => (g + 1) * ${step / 1000}::float8) AS hi
      FROM generate_series(0, ${q.buckets - 1}::int) AS g
    )
    SELECT spans.lane, slices.i::int AS i, count(*)::int AS count,
           (count(*) FILTER (WHERE spans.state = 'failed'))::int AS failed,
           (count(*) FILTER (WHERE spans.state IN (${Prisma.join(ACTIVE_STATES)})))::int AS active
    FROM spans JOIN slices ON spans.s < slices.hi AND spans.e >= slices.lo
    GROUP BY spans.lane, slices.i
    ORDER BY spans.lane, slices.i`;
  return rows.map((r) => ({
    lane: r.lane,
    start: new Date(fromMs + r.i * step).toISOString(),
    end: new Date(Math.min(fromMs + (r.i + 1) * step, q.to.getTime())).toISOString(),
    count: r.count,
    failed: r.failed,
    active: r.active,
  }));
}
