import { WALL_PARTS, type WallPart, type WallPatch, type WallSnapshot } from "@/lib/contracts/wall";
import { getDb, type Tx } from "@/lib/db/client";
import { getJobSummaries } from "@/lib/data/jobs";
import {
  countQueued,
  countRunningBySource,
  readFailureIds,
  readLiveSources,
  readOpenIncidents,
  readReadinessJobs,
  readRunningIds,
  readSuccessesNamed,
  readTimelineDensity,
  readTimelineIds,
  MAX_TIMELINE_BARS,
  type WallQuery,
} from "@/lib/data/wall";
import { estimateWallEtas } from "./etas";
import { latestReadiness, markRecovered, matchSources } from "./rules";
import { densityLanes } from "./timeline-density";
import { timelineJob, wallIncident, wallJob, wallMessage, wallSource } from "./shape";

export type { WallQuery };

const DAY_MS = 86_400_000;
/** Slices of the density timeline: about a column per 40 px of a wall-wide panel. */
const DENSITY_SLICES = 48;

/** Everything one wall screen shows, in one read. */
export async function loadWallSnapshot(q: WallQuery, db: Tx = getDb()): Promise<WallSnapshot> {
  return (await loadWallParts(q, WALL_PARTS, db)) as WallSnapshot;
}

/**
 * The parts of the wall a live update touched (a job that changed state re-reads running, failures
 * and timeline, not the sources, incidents or readiness): each part reads only its own queries.
 */
export async function loadWallParts(
  q: WallQuery,
  parts: readonly WallPart[],
  db: Tx = getDb(),
): Promise<WallPatch> {
  const want = new Set(parts);
  const now = q.now ?? new Date();
  const sources = matchSources(await readLiveSources(db), q.sources);
  const sourceIds = sources.map((s) => s.id);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const from = new Date(now.getTime() - q.timelineHours * 3_600_000);
  // Failures carry their incident, so reading failures reads incidents too.
  const needIncidents = want.has("incidents") || want.has("failures");
  const none = Promise.resolve([] as Array<{ id: string }>);

  const [runningRows, queuedCount, failureRows, readinessRows, timelineRows, counts, incidentRows] =
    await Promise.all([
      want.has("running") ? readRunningIds(sourceIds, db) : none,
      want.has("running") ? countQueued(sourceIds, db) : Promise.resolve(0),
      want.has("failures") ? readFailureIds(sourceIds, dayAgo, db) : none,
      want.has("readiness") ? readReadinessJobs(sourceIds, db) : Promise.resolve([]),
      want.has("timeline") ? readTimelineIds(sourceIds, from, now, db) : none,
      want.has("sources") ? countRunningBySource(sourceIds, db) : Promise.resolve(new Map()),
      needIncidents ? readOpenIncidents(sourceIds, db) : Promise.resolve([]),
    ]);

  // More jobs in the window than the wall draws as bars: counted per source and slice instead.
  const dense = timelineRows.length > MAX_TIMELINE_BARS;
  const bars = dense ? [] : timelineRows;
  // One summary read for all three lists keeps the JSON shape identical to /api/jobs.
  const ids = [...new Set([...runningRows, ...failureRows, ...bars].map((r) => r.id))];
  const summaries = new Map(
    (ids.length ? await getJobSummaries(ids, db) : []).map((j) => [j.id, j]),
  );
  const inOrder = (rows: Array<{ id: string }>) => rows.flatMap((r) => summaries.get(r.id) ?? []);
  const incidents = incidentRows.map(wallIncident);
  const patch: WallPatch = { generatedAt: now.toISOString() };

  if (want.has("sources"))
    patch.sources = sources.map((s) => wallSource(s, counts.get(s.id) ?? 0, now));
  if (want.has("incidents")) patch.incidents = incidents;
  if (want.has("readiness")) patch.readiness = latestReadiness(readinessRows);
  if (want.has("running")) {
    const running = inOrder(runningRows);
    const etas = await estimateWallEtas(running, now, db);
    patch.running = running.map((j) => ({
      ...wallJob(j),
      progress: j.progress,
      dataset: j.dataset,
      eta: etas.get(j.id) ?? null,
    }));
    patch.queuedCount = queuedCount;
  }
  if (want.has("failures")) {
    const failures = inOrder(failureRows);
    const successes = await readSuccessesNamed(
      sourceIds,
      [...new Set(failures.map((f) => f.name))],
      dayAgo,
      db,
    );
    const incidentByJob = new Map(
      incidents.flatMap((i) => (i.jobId ? [[i.jobId, i] as const] : [])),
    );
    patch.failures = markRecovered(failures, successes).map((f) => {
      const incident = incidentByJob.get(f.id);
      return {
        ...wallJob(f),
        message: wallMessage(f.message),
        recoveredAt: f.recoveredAt,
        incident: incident
          ? { id: incident.id, status: incident.status, acknowledgedBy: incident.acknowledgedBy }
          : null,
      };
    });
  }
  if (want.has("timeline"))
    patch.timeline = {
      from: from.toISOString(),
      to: now.toISOString(),
      jobs: inOrder(bars).map(timelineJob),
      density: dense
        ? densityLanes(
            await readTimelineDensity(sourceIds, from, now, DENSITY_SLICES, db),
            sources,
            DENSITY_SLICES,
          )
        : null,
    };
  return patch;
}
