import type { Tx } from "@/lib/db/client";
import { FAILURE_STATES, IN_FLIGHT_STATES } from "@/lib/domain/job-state";
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
const MAX_TIMELINE = 250;
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
    take: MAX_TIMELINE,
    select: idOnly,
  });

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
