import type { PhaseBaselineView, PhaseView } from "@/lib/contracts/jobs";
import { isOutlier, phaseSignatures } from "@/lib/domain/baselines";
import type { JobState } from "@/lib/domain/job-state";
import { buildPhaseTree, type PhaseNode } from "@/lib/domain/phase-tree";
import { buildAxis, toAxis, unionLength, type GanttAxis } from "./gantt-axis";

export interface GanttRow {
  key: string;
  name: string;
  lane: string | null;
  /** First row of its lane: the chart draws the lane's name above it. */
  laneStart: boolean;
  depth: number;
  hasChildren: boolean;
  collapsed: boolean;
  /** Descendants hidden under a collapsed row, so the label can say how many. */
  hiddenCount: number;
  state: JobState;
  vendorStatus: string | null;
  message: string | null;
  startMs: number | null;
  endMs: number | null;
  running: boolean;
  durationMs: number | null;
  /** Axis units; null before the phase starts. */
  span: [number, number] | null;
  baseline: {
    medianMs: number;
    p90Ms: number;
    medianEnd: number;
    p90End: number;
    runs: number;
  } | null;
  outlier: boolean;
}

export interface GanttOptions {
  now: number;
  jobStartMs: number | null;
  jobEndMs: number | null;
  collapsed: ReadonlySet<string>;
  baselines?: Record<string, PhaseBaselineView>;
  /** Idle stretches longer than this are compressed; default a fifth of the time anything ran, at least a minute. */
  gapThresholdMs?: number;
}

export interface GanttModel {
  rows: GanttRow[];
  axis: GanttAxis;
  /** Phases in the job, including hidden ones. */
  total: number;
}

const ms = (iso: string | null) => (iso ? Date.parse(iso) : null);

/** Roots grouped by lane in order of the lane's first appearance, so a lane's phases sit together. */
function groupByLane(roots: PhaseNode<PhaseView>[]): PhaseNode<PhaseView>[] {
  const lanes = new Map<string, PhaseNode<PhaseView>[]>();
  for (const r of roots) {
    const lane = r.phase.lane ?? "";
    lanes.set(lane, [...(lanes.get(lane) ?? []), r]);
  }
  return [...lanes.values()].flat();
}

function countDescendants(node: PhaseNode<PhaseView>): number {
  return node.children.reduce((n, c) => n + 1 + countDescendants(c), 0);
}

export function buildGanttRows(phases: readonly PhaseView[], opts: GanttOptions): GanttModel {
  const { now } = opts;
  const intervals: Array<[number, number]> = [];
  for (const p of phases) {
    const start = ms(p.startedAt);
    if (start !== null) intervals.push([start, ms(p.endedAt) ?? now]);
  }
  const starts = intervals.map(([a]) => a);
  const ends = intervals.map(([, b]) => b);
  const origin = Math.min(opts.jobStartMs ?? Infinity, ...starts);
  const originMs = Number.isFinite(origin) ? origin : now;
  const endMs = Math.max(
    opts.jobEndMs ?? (opts.jobStartMs !== null ? now : originMs),
    ...ends,
    originMs,
  );
  const threshold = opts.gapThresholdMs ?? Math.max(60_000, unionLength(intervals) / 5);
  const axis = buildAxis(originMs, endMs, intervals, threshold);

  const signatures = phaseSignatures(phases);
  const rows: GanttRow[] = [];
  const walk = (nodes: PhaseNode<PhaseView>[]) => {
    for (const node of nodes) {
      const p = node.phase;
      const collapsed = node.children.length > 0 && opts.collapsed.has(p.key);
      const start = ms(p.startedAt);
      const ended = ms(p.endedAt);
      const end = start === null ? null : (ended ?? now);
      const durationMs = start === null || end === null ? null : Math.max(0, end - start);
      const span: [number, number] | null =
        start === null || end === null
          ? null
          : [toAxis(axis, start), toAxis(axis, Math.max(start, end))];
      const b = opts.baselines?.[signatures.get(p.key) ?? ""];
      const baseline =
        b && start !== null
          ? {
              medianMs: b.medianMs,
              p90Ms: b.p90Ms,
              runs: b.runs,
              medianEnd: toAxis(axis, start + b.medianMs),
              p90End: toAxis(axis, start + b.p90Ms),
            }
          : null;
      const previous = rows.at(-1);
      rows.push({
        key: p.key,
        name: p.name,
        lane: p.lane,
        laneStart: p.lane !== null && (previous === undefined || previous.lane !== p.lane),
        depth: node.depth,
        hasChildren: node.children.length > 0,
        collapsed,
        hiddenCount: collapsed ? countDescendants(node) : 0,
        state: p.state,
        vendorStatus: p.vendorStatus,
        message: p.message,
        startMs: start,
        endMs: ended,
        running: start !== null && ended === null && p.state === "running",
        durationMs,
        span,
        baseline,
        outlier: isOutlier(durationMs, b),
      });
      if (!collapsed) walk(node.children);
    }
  };
  walk(groupByLane(buildPhaseTree(phases)));
  return { rows, axis, total: phases.length };
}
