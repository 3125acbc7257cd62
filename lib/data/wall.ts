import type { Tx } from "@/lib/db/client";
import { FAILURE_STATES, IN_FLIGHT_STATES } from "@/lib/domain/job-state";
import { Prisma } from "@/lib/generated/prisma/client";
import { ts } from "./sql-time";
import { jobWhere } from "./jobs";

/** The reads behind the wall's panels; lib/services/wall shapes them into what the panels draw. */
export interface WallQuery {
  /** Source ids, kinds or names (case-insensitive); empty means every source. */
  sources: string[];
  timelineHours: number;
  now?: Date;
}

const MAX_RUNNING = 60;
const MAX_FAILURES = 100;
const MAX_INCIDENTS = 50;
/** Bars the wall's timeline draws; a window holding more is drawn as density (readTimelineDensity). */
export const MAX_TIMELINE_BARS = 250;
const idOnly = { id: true } as const;

/** Archived sources keep their history but are off duty: a NOC screen shows only the live estate. */
export const readLiveSources = (db: Tx) =>
  db.source.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" } });

export const readRunningIds = (sourceIds: string[], db: Tx) =>
  db.job.findMany({
    where: jobWhere({ sourceIds, includeGone: false, states: [...IN_FLIGHT_STATES] }),
    orderBy: [{ sortAt: "desc" }, { id: "desc" }],
    take: MAX_RUNNING,
    select: idOnly,
  });

export const countQueued = (sourceIds: string[], db: Tx) =>
  db.job.count({ where: jobWhere({ sourceIds, includeGone: false, states: ["queued"] }) });

export const countRunningBySource = async (sourceIds: string[], db: Tx) =>
  new Map(
    (
      await db.job.groupBy({
        by: ["sourceId"],
        where: jobWhere({ sourceIds, includeGone: false, states: [...IN_FLIGHT_STATES] }),
        _count: { _all: true },
      })
    ).map((c) => [c.sourceId, c._count._all]),
  );

/** Failures that ended (or, never ended, started) since `since`, newest first. */
export const readFailureIds = (sourceIds: string[], since: Date, db: Tx) =>
  db.job.findMany({
    where: {
      sourceId: { in: sourceIds },
      state: { in: [...FAILURE_STATES] },
      OR: [{ endedAt: { gte: since } }, { endedAt: null, sortAt: { gte: since } }],
    },
    orderBy: [{ endedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: MAX_FAILURES,
    select: idOnly,
  });

/** Successful runs since `since` of jobs with these names: what clears a failure on the wall. */
export const readSuccessesNamed = (sourceIds: string[], names: string[], since: Date, db: Tx) =>
  names.length === 0
    ? Promise.resolve([])
    : db.job.findMany({
        where: {
          sourceId: { in: sourceIds },
          state: "succeeded",
          name: { in: names },
          startedAt: { gte: since },
        },
        select: {
          sourceId: true,
          type: true,
          name: true,
          dataset: true,
          policy: true,
          drGroup: true,
          startedAt: true,
        },
      });

/** Jobs that overlap [from, now): started before now and ended after from, or still going. */
export const readTimelineIds = (sourceIds: string[], from: Date, now: Date, db: Tx) =>
  db.job.findMany({
    where: {
      sourceId: { in: sourceIds },
      startedAt: { not: null, lt: now },
      OR: [{ endedAt: { gte: from } }, { endedAt: null, state: { in: [...IN_FLIGHT_STATES] } }],
    },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    // One more than drawn says the window holds too many to draw as bars.
    take: MAX_TIMELINE_BARS + 1,
    select: idOnly,
  });

export interface DensityRow {
  sourceId: string;
  /** Slice of the window, 0 at `from`. */
  i: number;
  jobs: number;
  failed: number;
  running: number;
  /** Jobs whose first slice in the window this is: summed, the number of jobs in the window. */
  entering: number;
}

/**
 * The jobs readTimelineIds would draw, counted per source and slice (a job counts in every slice it
 * overlaps): exact at any estate size, and as big as the wall is wide rather than as the estate is busy.
 */
export function readTimelineDensity(
  sourceIds: string[],
  from: Date,
  now: Date,
  slices: number,
  db: Tx,
): Promise<DensityRow[]> {
  if (sourceIds.length === 0) return Promise.resolve([]);
  const stepSeconds = (now.getTime() - from.getTime()) / 1000 / slices;
  const slice = (at: Prisma.Sql) =>
    Prisma.sql`floor(extract(epoch FROM ${at} - ${ts(from)}) / ${stepSeconds}::float8)::int`;
  return db.$queryRaw<DensityRow[]>`
    WITH w AS (
      SELECT j."sourceId", j."state"::text AS state,
        greatest(0, ${slice(Prisma.sql`j."startedAt"`)}) AS a,
        least(${slices - 1}::int, ${slice(Prisma.sql`coalesce(j."endedAt", ${ts(now)})`)}) AS b
      FROM "Job" j
      WHERE j."sourceId" = ANY(${sourceIds}::uuid[]) AND j."startedAt" IS NOT NULL AND j."startedAt" < ${ts(now)}
        AND (j."endedAt" >= ${ts(from)} OR (j."endedAt" IS NULL AND j."state" = ANY(${IN_FLIGHT_STATES}::"JobState"[])))
    )
    SELECT w."sourceId"::text AS "sourceId", i, count(*)::int AS jobs,
      (count(*) FILTER (WHERE w.state IN (${Prisma.join(FAILURE_STATES)})))::int AS failed,
      (count(*) FILTER (WHERE w.state IN (${Prisma.join(IN_FLIGHT_STATES)})))::int AS running,
      (count(*) FILTER (WHERE i = w.a))::int AS entering
    FROM w CROSS JOIN LATERAL generate_series(w.a, greatest(w.a, w.b)) AS i
    GROUP BY 1, 2 ORDER BY 1, 2`;
}

export const readOpenIncidents = (sourceIds: string[], db: Tx) =>
  db.incident.findMany({
    where: { status: { not: "resolved" }, sourceId: { in: sourceIds } },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: MAX_INCIDENTS,
  });

/** The latest finished Eyeglass readiness checks, with their zones and policies (the top two levels). */
export async function readReadinessJobs(sourceIds: string[], db: Tx) {
  const rows = await db.job.findMany({
    where: {
      sourceId: { in: sourceIds },
      kind: "eyeglass",
      type: "readiness",
      endedAt: { not: null },
    },
    orderBy: [{ endedAt: "desc" }, { id: "desc" }],
    take: 20,
    select: {
      id: true,
      sourceId: true,
      endedAt: true,
      source: { select: { name: true } },
      phases: {
        where: { depth: { lte: 1 } },
        select: {
          vendorKey: true,
          parentKey: true,
          name: true,
          state: true,
          vendorStatus: true,
          message: true,
          depth: true,
        },
        orderBy: [{ depth: "asc" }, { sortOrder: "asc" }],
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.sourceId,
    sourceName: r.source.name,
    endedAt: r.endedAt,
    phases: r.phases,
  }));
}

/** A job's phases as the ETA estimate reads them. */
export const readEtaPhases = (jobId: string, db: Tx) =>
  db.phase.findMany({
    where: { jobId },
    select: {
      vendorKey: true,
      parentKey: true,
      lane: true,
      name: true,
      state: true,
      startedAt: true,
      endedAt: true,
    },
  });
