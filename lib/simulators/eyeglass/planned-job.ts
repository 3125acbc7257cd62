import { schedule, type LeafPlan, type Stop, type Timeline } from "./timeline";

export interface PlannedJob {
  id: string;
  name: string;
  plan: LeafPlan[];
  epilogue: LeafPlan[];
  submittedAt: number;
  /** Starts at submission even when another job of its family is running. */
  immediate: boolean;
  stop: Stop | null;
}

export interface Placed<J extends PlannedJob> {
  job: J;
  /** When it starts (or would have, had it not been cancelled while waiting). */
  start: number;
  timeline: Timeline;
}

/**
 * Where each job sits in time. With `serial`, a job waits for the one submitted before it to end,
 * so cancelling or failing a job lets the next one start earlier: all derived, nothing stored.
 */
export function placeJobs<J extends PlannedJob>(jobs: readonly J[], serial: boolean): Placed<J>[] {
  let previousEnd = Number.NEGATIVE_INFINITY;
  return jobs.map((job) => {
    const start =
      job.immediate || !serial ? job.submittedAt : Math.max(job.submittedAt, previousEnd);
    const timeline = schedule(job.plan, start, job.stop, job.epilogue);
    if (!job.immediate) previousEnd = timeline.end;
    return { job, start, timeline };
  });
}

export type StopResult = "stopped" | "not-running" | "unknown";

/**
 * Cancels (or, for the simulator's control endpoint, fails) a job at `now`. A cancel also applies to
 * a job still waiting its turn; a failure only to one that is running.
 */
export function stopJob<J extends PlannedJob>(
  placed: readonly Placed<J>[],
  id: string,
  stop: Stop,
): StopResult {
  const found = placed.find((p) => p.job.id === id);
  if (!found) return "unknown";
  if (found.timeline.end <= stop.at || found.job.stop) return "not-running";
  if (stop.kind === "fail" && found.start > stop.at) return "not-running";
  found.job.stop = stop;
  return "stopped";
}

export function isFinished(p: Placed<PlannedJob>, now: number): boolean {
  return p.timeline.end <= now;
}
