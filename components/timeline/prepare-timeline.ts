import type {
  DensityBucket,
  ScheduledView,
  TimelineData,
  TimelineGroup,
} from "@/lib/contracts/explorer";
import type { JobSummary } from "@/lib/contracts/jobs";
import { isUnfinished, type JobState } from "@/lib/domain/job-state";
import { laneLabel, laneOf, scheduledLane } from "./lanes";
import { stackSpans } from "./stack";

export interface TimelineBar {
  key: string;
  /** Null for a scheduled job: there is no job page yet. */
  jobId: string | null;
  name: string;
  lane: string;
  row: number;
  start: number;
  end: number;
  state: JobState | "scheduled";
  /** Still going: its end is `now` and moves with it. */
  live: boolean;
}

export interface TimelineCell {
  lane: string;
  row: number;
  start: number;
  end: number;
  count: number;
  failed: number;
  active: number;
  /** count relative to the busiest cell, 0..1, for shading. */
  intensity: number;
}

export interface TimelineLane {
  key: string;
  label: string;
  /** First row and number of rows (overlapping bars stack into sub-rows). */
  row: number;
  rows: number;
}

export interface TimelineModel {
  mode: "bars" | "density";
  lanes: TimelineLane[];
  rowCount: number;
  bars: TimelineBar[];
  cells: TimelineCell[];
  from: number;
  to: number;
  now: number;
}

export interface PrepareOptions {
  from: number;
  to: number;
  now: number;
  group: TimelineGroup;
  /** More bars than this and the browser aggregates itself, even if the server sent bars. */
  maxBars: number;
  buckets: number;
  /** The narrowest a bar is drawn, in ms at this zoom: spans this close still count as overlapping. */
  minSpanMs: number;
}

/** Domain data to chart rows: lanes, bars stacked so none hides another, or density cells when zoomed out. */
export function prepareTimeline(
  data: Pick<TimelineData, "mode" | "items" | "density">,
  scheduled: ScheduledView[],
  o: PrepareOptions,
): TimelineModel {
  const base = { from: o.from, to: o.to, now: o.now };
  const upcoming = scheduled.map((s) => scheduledBar(s, o));
  if (data.mode === "density" || data.items.length > o.maxBars) {
    const buckets = data.mode === "density" ? data.density : densityFromJobs(data.items, o);
    return { ...base, mode: "density", ...densityModel(buckets, upcoming, o.group) };
  }
  const bars = [...data.items.map((j) => jobBar(j, o)), ...upcoming];
  const byLane = groupBy(bars, (b) => b.lane);
  const lanes: TimelineLane[] = [];
  const placed: TimelineBar[] = [];
  let row = 0;
  for (const key of [...byLane.keys()].sort(compareText)) {
    const laneBars = byLane.get(key) ?? [];
    const { rows, rowCount } = stackSpans(laneBars, o.minSpanMs);
    laneBars.forEach((b, i) => placed.push({ ...b, row: row + (rows[i] ?? 0) }));
    lanes.push({ key, label: laneLabel(key, o.group), row, rows: rowCount });
    row += rowCount;
  }
  return { ...base, mode: "bars", lanes, rowCount: row, bars: placed, cells: [] };
}

function jobBar(j: JobSummary, o: PrepareOptions): TimelineBar {
  const start = Date.parse(j.sortAt);
  const live = !j.endedAt && isUnfinished(j.state);
  const end = j.endedAt ? Date.parse(j.endedAt) : live ? Math.max(start, o.now) : start;
  return {
    key: j.id,
    jobId: j.id,
    name: j.name,
    lane: laneOf(j, o.group),
    row: 0,
    start,
    end,
    state: j.state,
    live,
  };
}

/** A schedule has a start but no length yet: drawn a hundredth of the window wide. */
function scheduledBar(s: ScheduledView, o: PrepareOptions): TimelineBar {
  const start = Date.parse(s.startsAt);
  return {
    key: `scheduled:${s.id}`,
    jobId: null,
    name: s.name,
    lane: scheduledLane(s, o.group),
    row: 0,
    start,
    end: start + (o.to - o.from) / 100,
    state: "scheduled",
    live: false,
  };
}

/** The server's rule, in the browser: a job counts in every slice its span touches. */
export function densityFromJobs(
  jobs: JobSummary[],
  o: Pick<PrepareOptions, "from" | "to" | "now" | "group" | "buckets">,
): DensityBucket[] {
  const step = Math.max(1, Math.ceil((o.to - o.from) / o.buckets));
  const cells = new Map<string, DensityBucket>();
  for (const j of jobs) {
    const bar = jobBar(j, { ...o, maxBars: 0, minSpanMs: 0 });
    const first = Math.max(0, Math.floor((bar.start - o.from) / step));
    const last = Math.min(o.buckets - 1, Math.floor((bar.end - o.from) / step));
    for (let i = first; i <= last; i++) {
      const lo = o.from + i * step;
      if (!(bar.start < lo + step && bar.end >= lo)) continue;
      const key = `${bar.lane}\u0000${i}`;
      const cell = cells.get(key) ?? {
        lane: bar.lane,
        start: new Date(lo).toISOString(),
        end: new Date(Math.min(lo + step, o.to)).toISOString(),
        count: 0,
        failed: 0,
        active: 0,
      };
      cell.count++;
      if (j.state === "failed") cell.failed++;
      if (isUnfinished(j.state)) cell.active++;
      cells.set(key, cell);
    }
  }
  return [...cells.values()];
}

/** One row per lane; the few scheduled bars still drawn (outlined) on their lane's row. */
function densityModel(
  buckets: DensityBucket[],
  upcoming: TimelineBar[],
  group: TimelineGroup,
): Pick<TimelineModel, "lanes" | "rowCount" | "bars" | "cells"> {
  const keys = [...new Set([...buckets.map((b) => b.lane), ...upcoming.map((b) => b.lane)])].sort(
    compareText,
  );
  const rowOf = new Map(keys.map((k, i) => [k, i]));
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const cells = buckets.map((b) => ({
    lane: b.lane,
    row: rowOf.get(b.lane) ?? 0,
    start: Date.parse(b.start),
    end: Date.parse(b.end),
    count: b.count,
    failed: b.failed,
    active: b.active,
    intensity: b.count / max,
  }));
  const bars = upcoming.map((b) => ({ ...b, row: rowOf.get(b.lane) ?? 0 }));
  return {
    lanes: keys.map((key, i) => ({ key, label: laneLabel(key, group), row: i, rows: 1 })),
    rowCount: keys.length,
    bars,
    cells,
  };
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
