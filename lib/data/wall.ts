import type { WallIncident, WallJob, WallSnapshot } from "@/lib/contracts/wall";
import type { JobSummary } from "@/lib/contracts/jobs";
import { getDb, type Tx } from "@/lib/db/client";
import { estimateFinish, buildBaselines, type Eta } from "@/lib/domain/baselines";
import { FAILURE_STATES, IN_FLIGHT_STATES } from "@/lib/domain/job-state";
import { listPastRuns } from "./baselines";
import { getJobSummaries, jobWhere } from "./jobs";
import { latestReadiness, markRecovered, matchSources, type ReadinessJob } from "./wall-rules";

export interface WallQuery {
  /** Source ids, kinds or names (case-insensitive); empty means every source. */
  sources: string[];
  timelineHours: number;
  now?: Date;
}

const DAY_MS = 86_400_000;
const MAX_RUNNING = 60;
const MAX_FAILURES = 100;
const MAX_INCIDENTS = 50;
const MAX_TIMELINE = 250;
/** A failure's message is a line on the wall, not the vendor's whole report. */
const MAX_MESSAGE = 160;
// Estimating costs two reads per job; a wall shows about this many rows anyway.
const MAX_ETAS = 24;

export async function loadWallSnapshot(q: WallQuery, db: Tx = getDb()): Promise<WallSnapshot> {
  const now = q.now ?? new Date();
  // Archived sources keep their history but are off duty: a NOC screen shows only the live estate.
  const allSources = await db.source.findMany({
    where: { archivedAt: null },
    orderBy: { name: "asc" },
  });
  const sources = matchSources(allSources, q.sources);
  const sourceIds = sources.map((s) => s.id);
  const scope = { sourceIds, includeGone: false };
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const from = new Date(now.getTime() - q.timelineHours * 3_600_000);

  const idOnly = { id: true } as const;
  const [runningRows, queuedCount, failureRows, readinessRows, timelineRows, runningCounts] =
    await Promise.all([
      db.job.findMany({
        where: jobWhere({ ...scope, states: [...IN_FLIGHT_STATES] }),
        orderBy: [{ sortAt: "desc" }, { id: "desc" }],
        take: MAX_RUNNING,
        select: idOnly,
      }),
      db.job.count({ where: jobWhere({ ...scope, states: ["queued"] }) }),
      db.job.findMany({
        where: {
          sourceId: { in: sourceIds },
          state: { in: [...FAILURE_STATES] },
          OR: [{ endedAt: { gte: dayAgo } }, { endedAt: null, sortAt: { gte: dayAgo } }],
        },
        orderBy: [{ endedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
        take: MAX_FAILURES,
        select: idOnly,
      }),
      readReadinessJobs(sourceIds, db),
      db.job.findMany({
        where: {
          sourceId: { in: sourceIds },
          startedAt: { not: null, lt: now },
          OR: [{ endedAt: { gte: from } }, { endedAt: null, state: { in: [...IN_FLIGHT_STATES] } }],
        },
        orderBy: [{ startedAt: "desc" }, { id: "desc" }],
        take: MAX_TIMELINE,
        select: idOnly,
      }),
      db.job.groupBy({
        by: ["sourceId"],
        where: jobWhere({ ...scope, states: [...IN_FLIGHT_STATES] }),
        _count: { _all: true },
      }),
    ]);

  // One summary read for all three lists keeps the JSON shape identical to /api/jobs.
  const summaries = new Map(
    (
      await getJobSummaries(
        [...new Set([...runningRows, ...failureRows, ...timelineRows].map((r) => r.id))],
        db,
      )
    ).map((j) => [j.id, j]),
  );
  const inOrder = (rows: Array<{ id: string }>) => rows.flatMap((r) => summaries.get(r.id) ?? []);
  const failures = inOrder(failureRows);
  const successes = failures.length
    ? await db.job.findMany({
        where: {
          sourceId: { in: sourceIds },
          state: "succeeded",
          name: { in: [...new Set(failures.map((f) => f.name))] },
          startedAt: { gte: dayAgo },
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
      })
    : [];
  const incidentRows = await db.incident.findMany({
    where: { status: { not: "resolved" }, sourceId: { in: sourceIds } },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: MAX_INCIDENTS,
  });
  const incidents: WallIncident[] = incidentRows.map((i) => ({
    id: i.id,
    title: i.title,
    kind: i.kind,
    severity: i.severity,
    status: i.status === "acknowledged" ? "acknowledged" : "open",
    sourceId: i.sourceId,
    jobId: i.jobId,
    openedAt: i.openedAt.toISOString(),
    acknowledgedBy: i.acknowledgedBy,
  }));
  const incidentByJob = new Map(incidents.flatMap((i) => (i.jobId ? [[i.jobId, i] as const] : [])));
  const running = inOrder(runningRows);
  const etas = await estimateEtas(running.slice(0, MAX_ETAS), now, db);
  const counts = new Map(runningCounts.map((c) => [c.sourceId, c._count._all]));
  const ago = (d: Date | null) => (d ? Math.max(0, now.getTime() - d.getTime()) : null);

  return {
    generatedAt: now.toISOString(),
    sources: sources.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      enabled: s.enabled,
      pollIntervalMs: s.pollIntervalMs,
      lastSuccessAgoMs: ago(s.lastSuccessAt),
      lastError: s.lastError,
      lastErrorAgoMs: ago(s.lastErrorAt),
      consecutiveFailures: s.consecutiveFailures,
      runningJobs: counts.get(s.id) ?? 0,
      registeredAgoMs: ago(s.createdAt) ?? 0,
    })),
    running: running.map((j) => ({
      ...wallJob(j),
      progress: j.progress,
      dataset: j.dataset,
      eta: etas.get(j.id) ?? null,
    })),
    queuedCount,
    failures: markRecovered(failures, successes).map((f) => {
      const incident = incidentByJob.get(f.id);
      return {
        ...wallJob(f),
        message:
          f.message && f.message.length > MAX_MESSAGE
            ? `${f.message.slice(0, MAX_MESSAGE - 1)}…`
            : f.message,
        recoveredAt: f.recoveredAt,
        incident: incident
          ? { id: incident.id, status: incident.status, acknowledgedBy: incident.acknowledgedBy }
          : null,
      };
    }),
    incidents,
    readiness: latestReadiness(readinessRows),
    timeline: {
      from: from.toISOString(),
      to: now.toISOString(),
      jobs: inOrder(timelineRows).map((j) => ({
        id: j.id,
        sourceId: j.sourceId,
        sourceName: j.sourceName,
        name: j.name,
        state: j.state,
        startedAt: j.startedAt,
        endedAt: j.endedAt,
      })),
    },
  };
}

const wallJob = (j: JobSummary): WallJob => ({
  id: j.id,
  sourceId: j.sourceId,
  sourceName: j.sourceName,
  kind: j.kind,
  name: j.name,
  state: j.state,
  startedAt: j.startedAt,
  endedAt: j.endedAt,
  sortAt: j.sortAt,
});

async function readReadinessJobs(sourceIds: string[], db: Tx): Promise<ReadinessJob[]> {
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

async function estimateEtas(
  jobs: JobSummary[],
  now: Date,
  db: Tx,
): Promise<Map<string, { at: string; plusMinusMs: number }>> {
  const out = new Map<string, { at: string; plusMinusMs: number }>();
  await Promise.all(
    jobs.map(async (job) => {
      const runs = await listPastRuns(job.id, db, 10);
      if (!runs?.length) return;
      const phases = await db.phase.findMany({
        where: { jobId: job.id },
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
      const eta: Eta | null = estimateFinish(
        { state: job.state, startedAt: job.startedAt ? new Date(job.startedAt) : null },
        phases.map(({ vendorKey, ...p }) => ({ key: vendorKey, ...p })),
        buildBaselines(runs),
        now.getTime(),
      );
      if (eta)
        out.set(job.id, { at: new Date(eta.at).toISOString(), plusMinusMs: eta.plusMinusMs });
    }),
  );
  return out;
}
