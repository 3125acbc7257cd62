import type { StepLabel, StepOutcome, TimedLeaf, Timeline } from "./timeline";

/** The wire shape of jobStatusDetails and of readiness/replication jobs (keys in the doc's order). */
export interface StepNode {
  childrenDetails: StepNode[];
  finished: number;
  id: string;
  info: string;
  name: string;
  started: number;
  state: string;
  status: string;
}

export interface RenderOptions {
  timeUnit: "ms" | "s";
  pendingSteps: "hidden" | "listed";
  /** Readiness speaks OK where jobs speak SUCCESS. */
  okWord: string;
}

export function wireTime(ms: number | null, unit: RenderOptions["timeUnit"]): number {
  if (ms === null) return 0;
  return unit === "s" ? Math.floor(ms / 1000) : ms;
}

interface Group {
  label: StepLabel;
  leaves: TimedLeaf[];
  own: TimedLeaf | null;
  children: Group[];
}

const SEVERITY: Record<StepOutcome, number> = { SUCCESS: 0, WARNING: 1, ERROR: 2 };

export function worstOutcome(outcomes: readonly StepOutcome[]): StepOutcome {
  return outcomes.reduce<StepOutcome>(
    (worst, o) => (SEVERITY[o] > SEVERITY[worst] ? o : worst),
    "SUCCESS",
  );
}

function groupTree(leaves: readonly TimedLeaf[]): Group[] {
  const roots: Group[] = [];
  for (const leaf of leaves) {
    let level = roots;
    const chain: Group[] = [];
    for (const label of leaf.path) {
      let g = level.find((x) => x.label.id === label.id && x.own === null);
      if (!g) {
        g = { label, leaves: [], own: null, children: [] };
        level.push(g);
      }
      chain.push(g);
      level = g.children;
    }
    for (const g of chain) g.leaves.push(leaf);
    level.push({ label: leaf.label, leaves: [leaf], own: leaf, children: [] });
  }
  return roots;
}

function renderGroup(g: Group, now: number, opts: RenderOptions): StepNode | null {
  const start = Math.min(...g.leaves.map((l) => l.start));
  const end = Math.max(...g.leaves.map((l) => l.end));
  if (start > now && opts.pendingSteps === "hidden") return null;
  const children = g.children
    .map((c) => renderGroup(c, now, opts))
    .filter((c): c is StepNode => c !== null);
  const word = (o: StepOutcome) => (o === "SUCCESS" ? opts.okWord : o);
  if (start > now) {
    return {
      childrenDetails: children,
      finished: 0,
      id: g.label.id,
      info: "",
      name: g.label.name,
      started: 0,
      state: "PENDING",
      status: "INFO",
    };
  }
  if (end > now) {
    const current = g.own ? g.own : g.leaves.find((l) => l.start <= now && l.end > now);
    return {
      childrenDetails: children,
      finished: 0,
      id: g.label.id,
      info: current ? `In progress: ${current.label.name}` : "In progress",
      name: g.label.name,
      started: wireTime(start, opts.timeUnit),
      state: "RUNNING",
      status: "INFO",
    };
  }
  const outcome = worstOutcome(g.leaves.map((l) => l.outcome));
  const info = g.own
    ? g.own.info
    : g.leaves
        .filter((l) => l.outcome !== "SUCCESS")
        .map((l) => l.info)
        .join("; ");
  return {
    childrenDetails: children,
    finished: wireTime(end, opts.timeUnit),
    id: g.label.id,
    info,
    name: g.label.name,
    started: wireTime(start, opts.timeUnit),
    state: "FINISHED",
    status: word(outcome),
  };
}

/** The step tree as it stands at `now`. */
export function renderSteps(timeline: Timeline, now: number, opts: RenderOptions): StepNode[] {
  return groupTree(timeline.leaves)
    .map((g) => renderGroup(g, now, opts))
    .filter((n): n is StepNode => n !== null);
}

export type JobPhase = "pending" | "running" | "finished";

export function jobPhase(timeline: Timeline, effectiveStart: number, now: number): JobPhase {
  if (timeline.end <= now) return "finished";
  return effectiveStart > now ? "pending" : "running";
}

function logTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)},${iso.slice(20, 23)}`;
}

/** One timestamped line per step start and end (the log format is UNCONFIRMED; this is a fair guess). */
export function renderLog(
  title: string,
  timeline: Timeline,
  now: number,
  outcomeLine: string | null,
): string {
  if (timeline.start === null || timeline.start > now) return "";
  const lines: Array<[number, string]> = [
    [timeline.start, `${logTime(timeline.start)} INFO  Starting ${title}`],
  ];
  for (const leaf of timeline.leaves) {
    if (leaf.start > now) break;
    const where = [...leaf.path.map((p) => p.name), leaf.label.name].join(" > ");
    lines.push([leaf.start, `${logTime(leaf.start)} INFO  Started: ${where}`]);
    if (leaf.end > now) continue;
    if (leaf.outcome === "SUCCESS")
      lines.push([leaf.end, `${logTime(leaf.end)} INFO  Completed: ${where}`]);
    else if (leaf.outcome === "WARNING")
      lines.push([
        leaf.end,
        `${logTime(leaf.end)} WARN  Completed with warnings: ${where}: ${leaf.info}`,
      ]);
    else lines.push([leaf.end, `${logTime(leaf.end)} ERROR Failed: ${where}: ${leaf.info}`]);
  }
  if (timeline.end <= now && outcomeLine)
    lines.push([timeline.end, `${logTime(timeline.end)} ${outcomeLine}`]);
  return lines.map(([, text]) => text).join("\n") + "\n";
}
