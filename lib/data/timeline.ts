import { NO_LANE_VALUE, type TimelineData, type TimelineGroup } from "@/lib/contracts/explorer";
import { getDb, type Tx } from "@/lib/db/client";
import { withLocalSettings } from "@/lib/db/local-settings";
import { UNFINISHED_STATES, type JobState } from "@/lib/domain/job-state";
import type { SourceKind } from "@/lib/domain/source-kind";
import { Prisma } from "@/lib/generated/prisma/client";
import { ts } from "./sql-time";
import { jobWhere, summarySelect, toJobSummary } from "./jobs";
import { mergeDensity, type DensityCell } from "./timeline-cells";

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

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Windows up to this long read the hourly density; longer ones the daily. */
const HOURLY_UP_TO_MS = 21 * DAY_MS;
/** Lanes drawn one by one; the rest are summed into one "(others)" lane. */
export const MAX_LANES = 30;
/** Density cells in one answer (about 115 bytes each as JSON): what a screen can draw, under 300 KB. */
export const MAX_CELLS = 2000;
export const OTHERS_LANE = "(others)";

/**
 * Bars when the window holds few enough jobs to draw, else density per lane and slice. Density comes
 * from the TimelineDensity rollup (kept by triggers on Job) plus the jobs running right now, so any
 * window up to 400 days costs a few thousand rollup rows, never a scan of the jobs it covers.
 */
export async function getTimeline(q: TimelineQuery, db: Tx = getDb()): Promise<TimelineData> {
  const now = q.now ?? new Date();
  const grainMs = q.to.getTime() - q.from.getTime() <= HOURLY_UP_TO_MS ? HOUR_MS : DAY_MS;
  const from = new Date(Math.floor(q.from.getTime() / grainMs) * grainMs);
  const to = new Date(Math.ceil(q.to.getTime() / grainMs) * grainMs);
  const stepMs =
    grainMs * Math.max(1, Math.ceil((to.getTime() - from.getTime()) / grainMs / q.buckets));
  const slices = Math.ceil((to.getTime() - from.getTime()) / stepMs);
  const cells = await densityCells(
    q,
    { grain: grainMs === HOUR_MS ? "hour" : "day", from, to, stepMs, slices, now },
    db,
  );
  const total = cells.reduce((n, c) => n + c.started + (c.i === 0 ? c.carried : 0), 0);
  const base = { nextCursor: null, from: q.from.toISOString(), to: q.to.toISOString() };
  if (total <= q.maxBars) {
    const items = await overlappingJobs(q, from, grainMs === HOUR_MS ? "hour" : "day", db);
    return { ...base, total: items.length, mode: "bars", items, density: [] };
  }
  const density = mergeDensity(cells, {
    from,
    stepMs,
    slices,
    maxCells: MAX_CELLS,
    clip: { from: q.from, to: q.to },
  });
  return { ...base, total, mode: "density", items: [], density };
}

/** Every job overlapping [from, to), oldest first; the rollup bounds how far back a still-going job can have started. */
async function overlappingJobs(q: TimelineQuery, aligned: Date, grain: string, db: Tx) {
  const [bound] = await db.$queryRaw<Array<{ earliest: Date | null }>>`
    SELECT min("carriedFrom") AS earliest FROM "TimelineDensity"
    WHERE "grain" = ${grain} AND "dim" = 'source' AND "bucket" = ${ts(aligned)} AND "carried" > 0`;
  const lower = bound?.earliest && bound.earliest < aligned ? bound.earliest : aligned;
  const rows = await db.job.findMany({
    where: {
      AND: [
        jobWhere({ kinds: q.kinds, sourceIds: q.sourceIds, states: q.states }),
        {
          sortAt: { lt: q.to },
          OR: [
            { sortAt: { gte: lower }, endedAt: { gte: q.from } },
            { sortAt: { gte: q.from }, endedAt: null },
            { endedAt: null, state: { in: [...UNFINISHED_STATES] } },
          ],
        },
      ],
    },
    orderBy: [{ sortAt: "asc" }, { id: "asc" }],
    take: q.maxBars,
    select: summarySelect,
  });
  return rows.map(toJobSummary);
}

const LANE_SQL: Record<TimelineGroup, { dim: string; lane: Prisma.Sql; live: Prisma.Sql }> = {
  source: { dim: "source", lane: Prisma.sql`s."name"`, live: Prisma.sql`s."name"` },
  vendor: { dim: "source", lane: Prisma.sql`s."kind"::text`, live: Prisma.sql`s."kind"::text` },
  cluster: {
    dim: "cluster",
    lane: Prisma.sql`d."lane"`,
    live: Prisma.sql`coalesce(j."cluster", ${NO_LANE_VALUE})`,
  },
  dataset: {
    dim: "dataset",
    lane: Prisma.sql`d."lane"`,
    live: Prisma.sql`coalesce(j."dataset", ${NO_LANE_VALUE})`,
  },
  policy: {
    dim: "policy",
    lane: Prisma.sql`d."lane"`,
    live: Prisma.sql`coalesce(j."policy", ${NO_LANE_VALUE})`,
  },
};

interface Slicing {
  grain: "hour" | "day";
  from: Date;
  to: Date;
  stepMs: number;
  slices: number;
  now: Date;
}

/**
 * Per lane and slice i of the aligned window: jobs that started in the slice and jobs still going at
 * its start (each split into all, failed and active). A slice holds carried + started jobs.
 */
async function densityCells(q: TimelineQuery, w: Slicing, db: Tx): Promise<DensityCell[]> {
  const lane = LANE_SQL[q.group];
  const step = w.stepMs / 1000;
  const where = (alias: Prisma.Sql) => {
    const parts: Prisma.Sql[] = [];
    if (q.kinds?.length) parts.push(Prisma.sql`s."kind"::text IN (${Prisma.join(q.kinds)})`);
    if (q.sourceIds?.length)
      parts.push(Prisma.sql`${alias}."sourceId"::text IN (${Prisma.join(q.sourceIds)})`);
    if (q.states?.length) parts.push(Prisma.sql`${alias}."state" = ANY(${q.states}::"JobState"[])`);
    return parts.length ? Prisma.sql` AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
  };
  // The rollup's lanes need Source only to name a source or vendor lane, or to filter by vendor.
  const sources =
    q.group === "source" || q.group === "vendor" || q.kinds?.length
      ? Prisma.sql`JOIN "Source" s ON s."id" = d."sourceId"`
      : Prisma.empty;
  // A rollup row's slice is date_bin of its bucket (numeric arithmetic per row, as extract(epoch)
  // gives, cost more than reading the row); the slice number is worked out per answer cell.
  const stride = Prisma.sql`make_interval(secs => ${step}::int)`;
  const slice = Prisma.sql`date_bin(${stride}, d."bucket", ${ts(w.from)})`;
  // The few busiest lanes are ranked first, so the cells are summed straight into at most
  // MAX_LANES + 1 lanes instead of into every lane × slice and then again; the cells are read twice
  // rather than kept (writing a year of daily rows aside cost more than reading them again). The
  // planner cannot tell how few those lanes are and would sort every rollup row to group them:
  // work_mem lets it hash them. Source and vendor lanes are a few dozen rollup rows per slice, which
  // hash in the default, so they skip the transaction that scopes the setting.
  const settings: Record<string, string> =
    q.group === "source" || q.group === "vendor" ? {} : { work_mem: "32MB" };
  return withLocalSettings(
    db,
    settings,
    db.$queryRaw<DensityCell[]>`
    WITH cells AS NOT MATERIALIZED (
      SELECT ${lane.lane} AS lane, d."state"::text AS state, ${slice} AS slice, d."started",
        CASE WHEN d."bucket" = ${slice} THEN d."carried" ELSE 0 END AS carried
      FROM "TimelineDensity" d ${sources}
      WHERE d."grain" = ${w.grain} AND d."dim" = ${lane.dim} AND d."bucket" >= ${ts(w.from)} AND d."bucket" < ${ts(w.to)}${where(Prisma.sql`d`)}
      UNION ALL
      SELECT ${lane.live}, j."state"::text, ${ts(w.from)} + b.i * ${stride}, (j."sortAt" >= ${ts(w.from)} AND b.i = b.first)::int, (j."sortAt" < ${ts(w.from)} OR b.i > b.first)::int
      FROM "Job" j JOIN "Source" s ON s."id" = j."sourceId"
      CROSS JOIN LATERAL (SELECT greatest(0, floor(extract(epoch FROM j."sortAt" - ${ts(w.from)}) / ${step}::numeric))::int AS first) f
      CROSS JOIN LATERAL (SELECT f.first, g AS i FROM generate_series(f.first, least(${w.slices - 1}::int, floor(extract(epoch FROM ${ts(w.now)} - ${ts(w.from)}) / ${step}::numeric)::int)) g) b
      WHERE j."endedAt" IS NULL AND j."state" = ANY(${UNFINISHED_STATES}::"JobState"[]) AND j."sortAt" < ${ts(w.to)}${where(Prisma.sql`j`)}
    ), ranked AS (
      SELECT lane, rank() OVER (ORDER BY sum(started + carried) DESC, lane) AS r FROM cells GROUP BY lane
    )
    SELECT CASE WHEN r.r <= ${MAX_LANES}::int THEN c.lane ELSE ${OTHERS_LANE} END AS lane,
      (extract(epoch FROM c.slice - ${ts(w.from)})::bigint / ${step}::bigint)::int AS i,
      sum(c.started)::int AS started, sum(c.carried)::int AS carried,
      coalesce(sum(c.started) FILTER (WHERE c.state = 'failed'), 0)::int AS "startedFailed",
      coalesce(sum(c.carried) FILTER (WHERE c.state = 'failed'), 0)::int AS "carriedFailed",
      coalesce(sum(c.started) FILTER (WHERE c.state IN (${Prisma.join(UNFINISHED_STATES)})), 0)::int AS "startedActive",
      coalesce(sum(c.carried) FILTER (WHERE c.state IN (${Prisma.join(UNFINISHED_STATES)})), 0)::int AS "carriedActive"
    FROM cells c JOIN ranked r ON r.lane = c.lane
    GROUP BY 1, c.slice`,
  );
}
