import type { Pace } from "@/lib/simulators/engine/clock";
import type { SimJob } from "./job";

/** A planned job at the server's pace: transfers, steps and an early abort N times sooner at speed N. */
export function paceJob(job: SimJob, pace: Pace): SimJob {
  if (pace.speed === 1) return job;
  const fromStart = (at: number | null) =>
    at === null ? null : job.startMs + pace.span(at - job.startMs);
  return {
    ...job,
    transfers: job.transfers.map((t) => ({
      ...t,
      offsetMs: pace.span(t.offsetMs),
      durationMs: pace.span(t.durationMs),
    })),
    points: job.points.map((p) => ({ ...p, offsetMs: pace.span(p.offsetMs) })),
    endOffsetMs: pace.span(job.endOffsetMs),
    abortRequestedMs: fromStart(job.abortRequestedMs),
    abortDoneMs: fromStart(job.abortDoneMs),
  };
}
