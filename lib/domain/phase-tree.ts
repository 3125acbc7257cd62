import type { JobState } from "./job-state";
import type { PhaseRecord } from "./model";

export interface PhaseNode<P extends Pick<PhaseRecord, "key" | "parentKey" | "order">> {
  phase: P;
  depth: number;
  children: PhaseNode<P>[];
}

/**
 * Phases arrive flat with parent keys; the Gantt and the store want a tree. A phase whose parent is
 * missing (the vendor dropped it, or it has not been fetched yet) becomes a root rather than vanishing.
 */
export function buildPhaseTree<P extends Pick<PhaseRecord, "key" | "parentKey" | "order">>(
  phases: readonly P[],
): PhaseNode<P>[] {
  const nodes = new Map<string, PhaseNode<P>>();
  for (const phase of phases) nodes.set(phase.key, { phase, depth: 0, children: [] });
  const roots: PhaseNode<P>[] = [];
  for (const node of nodes.values()) {
    const parent = node.phase.parentKey ? nodes.get(node.phase.parentKey) : undefined;
    if (parent && !createsCycle(node, parent, nodes)) parent.children.push(node);
    else roots.push(node);
  }
  const byOrder = (a: PhaseNode<P>, b: PhaseNode<P>) => a.phase.order - b.phase.order;
  const setDepth = (list: PhaseNode<P>[], depth: number) => {
    list.sort(byOrder);
    for (const n of list) {
      n.depth = depth;
      setDepth(n.children, depth + 1);
    }
  };
  setDepth(roots, 0);
  return roots;
}

function createsCycle<P extends Pick<PhaseRecord, "key" | "parentKey" | "order">>(
  node: PhaseNode<P>,
  parent: PhaseNode<P>,
  nodes: Map<string, PhaseNode<P>>,
): boolean {
  const seen = new Set<string>([node.phase.key]);
  let cursor: PhaseNode<P> | undefined = parent;
  while (cursor) {
    if (seen.has(cursor.phase.key)) return true;
    seen.add(cursor.phase.key);
    cursor = cursor.phase.parentKey ? nodes.get(cursor.phase.parentKey) : undefined;
  }
  return false;
}

/** Depth-first order, the order rows appear in a Gantt. */
export function flattenPhaseTree<P extends Pick<PhaseRecord, "key" | "parentKey" | "order">>(
  roots: PhaseNode<P>[],
): PhaseNode<P>[] {
  const out: PhaseNode<P>[] = [];
  const walk = (list: PhaseNode<P>[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}

/** A parent step's state from its children, for vendors that only report leaf states. */
export function rollUpState(children: readonly JobState[]): JobState {
  if (children.length === 0) return "queued";
  const has = (s: JobState) => children.includes(s);
  if (has("running") || has("aborting")) return "running";
  if (has("paused")) return "paused";
  if (children.every((s) => s === "queued")) return "queued";
  if (children.some((s) => s === "queued")) return "running";
  if (children.every((s) => s === "succeeded")) return "succeeded";
  if (has("failed")) return children.some((s) => s === "succeeded") ? "partial" : "failed";
  if (has("aborted")) return "aborted";
  if (has("canceled")) return "canceled";
  return "partial";
}

/** A phase as a report lists it: where it sits in the tree and how long it took. */
export function phaseTiming(
  p: {
    parentKey: string | null;
    name: string;
    lane: string | null;
    state: JobState;
    startedAt: Date | null;
    endedAt: Date | null;
  },
  depth: number,
) {
  return {
    parentKey: p.parentKey,
    name: p.name,
    lane: p.lane,
    depth,
    state: p.state,
    startedAt: p.startedAt?.toISOString() ?? null,
    endedAt: p.endedAt?.toISOString() ?? null,
    durationMs:
      p.startedAt && p.endedAt ? Math.max(0, p.endedAt.getTime() - p.startedAt.getTime()) : null,
  };
}
