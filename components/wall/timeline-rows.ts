import type { JobState } from "@/lib/domain/job-state";

export interface TimelineJob {
  id: string;
  sourceId: string;
  sourceName: string;
  name: string;
  state: JobState;
  startedAt: string | null;
  endedAt: string | null;
}

export interface TimelineBar {
  id: string;
  name: string;
  state: JobState;
  /** Percent of the window from its left edge. */
  left: number;
  width: number;
  /** Still running at the right edge. */
  open: boolean;
}

export interface TimelineLane {
  sourceId: string;
  label: string;
  rows: TimelineBar[][];
  /** Bars that did not fit in the lane's rows. */
  hidden: number;
}

export interface TimelineModel {
  lanes: TimelineLane[];
  /** Tick positions: epoch ms and percent from the left. */
  ticks: Array<{ at: number; left: number }>;
}

/** So a one-second job is still a visible mark across a room. */
const MIN_WIDTH_PCT = 0.4;
const TICK_STEPS_MS = [15 * 60_000, 30 * 60_000, 3_600_000, 2 * 3_600_000, 6 * 3_600_000];

/**
 * The wall's cross-vendor timeline: one lane per source, overlapping jobs packed into at most
 * `maxRows` rows (first fit, earliest start first), clipped to the window.
 */
export function buildWallTimeline(
  jobs: readonly TimelineJob[],
  fromMs: number,
  toMs: number,
  maxRows = 3,
): TimelineModel {
  const span = Math.max(1, toMs - fromMs);
  const pct = (t: number) => ((Math.min(Math.max(t, fromMs), toMs) - fromMs) / span) * 100;
  const bySource = new Map<string, { label: string; jobs: TimelineJob[] }>();
  for (const job of jobs) {
    if (!job.startedAt) continue;
    const entry = bySource.get(job.sourceId) ?? { label: job.sourceName, jobs: [] };
    entry.jobs.push(job);
    bySource.set(job.sourceId, entry);
  }
  const lanes: TimelineLane[] = [...bySource.entries()]
    .sort((a, b) => a[1].label.localeCompare(b[1].label))
    .map(([sourceId, { label, jobs: laneJobs }]) => {
      const rows: TimelineBar[][] = [];
      const rowEnds: number[] = [];
      let hidden = 0;
      const sorted = [...laneJobs].sort(
        (a, b) =>
          Date.parse(a.startedAt ?? "") - Date.parse(b.startedAt ?? "") || a.id.localeCompare(b.id),
      );
      for (const job of sorted) {
        const start = Date.parse(job.startedAt ?? "");
        const end = job.endedAt ? Date.parse(job.endedAt) : toMs;
        if (end < fromMs || start > toMs) continue;
        const left = pct(start);
        const width = Math.max(MIN_WIDTH_PCT, pct(end) - left);
        const bar: TimelineBar = {
          id: job.id,
          name: job.name,
          state: job.state,
          left,
          width: Math.min(width, 100 - left),
          open: !job.endedAt,
        };
        const row = rowEnds.findIndex((e) => e <= left);
        if (row >= 0) {
          rows[row]?.push(bar);
          rowEnds[row] = left + width;
        } else if (rows.length < maxRows) {
          rows.push([bar]);
          rowEnds.push(left + width);
        } else hidden++;
      }
      return { sourceId, label, rows, hidden };
    });
  const step = TICK_STEPS_MS.find((s) => span / s <= 8) ?? 12 * 3_600_000;
  const ticks: TimelineModel["ticks"] = [];
  for (let at = Math.ceil(fromMs / step) * step; at <= toMs; at += step)
    ticks.push({ at, left: pct(at) });
  return { lanes, ticks };
}
