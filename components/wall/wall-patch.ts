import type { JobSummary } from "@/lib/contracts/jobs";
import type { WallPart, WallPatch, WallSnapshot } from "@/lib/contracts/wall";
import { isFailure, isInFlight } from "@/lib/domain/job-state";

/**
 * What a batch of changed jobs does to the wall: rows it already shows are patched in place
 * (progress, state within the same panel, a bar's end), and the parts whose membership, order or
 * derived figures (ETA, recovery, counts) only the server can decide are named for a re-read.
 */
export function applyJobsToWall(
  snap: WallSnapshot,
  jobs: readonly JobSummary[],
): { next: WallSnapshot; reread: Set<WallPart> } {
  const reread = new Set<WallPart>();
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const running = new Map(snap.running.map((r) => [r.id, r]));
  const failing = new Map(snap.failures.map((f) => [f.id, f]));
  const onTimeline = new Set(snap.timeline.jobs.map((b) => b.id));
  const failedNames = new Set(snap.failures.map((f) => f.name));
  const from = Date.parse(snap.timeline.from);

  for (const j of jobs) {
    const wasRunning = running.has(j.id);
    // Only a shown running job that is still running patches in place; any other change may move
    // rows of the running list or the queued count (a job not shown may have been queued).
    if (!(wasRunning && isInFlight(j.state))) {
      reread.add("running");
      // Per-source running counts move when a job enters or leaves flight.
      if (wasRunning || isInFlight(j.state)) reread.add("sources");
    }
    const shownFailure = failing.get(j.id);
    // A new failure, one that changed, or a success of a failed job's name (it may clear it).
    if (
      (isFailure(j.state) && (!shownFailure || shownFailure.state !== j.state)) ||
      (shownFailure && !isFailure(j.state)) ||
      (j.state === "succeeded" && failedNames.has(j.name))
    ) {
      reread.add("failures");
      // A failure is what alert rules open incidents about.
      reread.add("incidents");
    }
    const started = j.startedAt ? Date.parse(j.startedAt) : null;
    const ended = j.endedAt ? Date.parse(j.endedAt) : null;
    if (
      !onTimeline.has(j.id) &&
      started !== null &&
      (ended === null ? isInFlight(j.state) : ended >= from)
    )
      reread.add("timeline");
    if (j.kind === "eyeglass" && j.type === "readiness" && j.endedAt) reread.add("readiness");
  }

  const touched = (id: string) => byId.has(id);
  if (![...running.keys(), ...failing.keys(), ...onTimeline].some(touched)) {
    return { next: snap, reread };
  }
  return {
    next: {
      ...snap,
      running: snap.running.map((r) => {
        const j = byId.get(r.id);
        return j && isInFlight(j.state)
          ? { ...r, state: j.state, progress: j.progress, name: j.name, endedAt: j.endedAt }
          : r;
      }),
      failures: snap.failures.map((f) => {
        const j = byId.get(f.id);
        return j && j.state === f.state ? { ...f, name: j.name, endedAt: j.endedAt } : f;
      }),
      timeline: {
        ...snap.timeline,
        jobs: snap.timeline.jobs.map((b) => {
          const j = byId.get(b.id);
          return j
            ? { ...b, state: j.state, name: j.name, startedAt: j.startedAt, endedAt: j.endedAt }
            : b;
        }),
      },
    },
    reread,
  };
}

/**
 * A partial re-read merged into the snapshot. Source ages are measured at the server's read, so
 * sources not re-read are aged by the time between the two reads to stay on one clock.
 */
export function mergeWallPatch(snap: WallSnapshot, patch: WallPatch): WallSnapshot {
  const shift = Math.max(0, Date.parse(patch.generatedAt) - Date.parse(snap.generatedAt));
  const age = (ms: number | null) => (ms === null ? null : ms + shift);
  return {
    ...snap,
    ...patch,
    sources:
      patch.sources ??
      snap.sources.map((s) => ({
        ...s,
        lastSuccessAgoMs: age(s.lastSuccessAgoMs),
        lastErrorAgoMs: age(s.lastErrorAgoMs),
        registeredAgoMs: s.registeredAgoMs + shift,
      })),
  };
}
