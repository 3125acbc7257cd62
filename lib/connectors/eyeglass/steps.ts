import type { JobState } from "@/lib/domain/job-state";
import type { PhaseRecord } from "@/lib/domain/model";
import type { StepNode } from "./schemas";
import { nodeState } from "./state";
import { toDate } from "./time";

export interface FlatStep {
  phase: PhaseRecord;
  node: StepNode;
  depth: number;
  /** Names from the top-level step down to this one. */
  names: string[];
}

function isEmpty(node: StepNode): boolean {
  return !node.id && !node.name && !node.childrenDetails?.length;
}

/**
 * The recursive jobStatusDetails/childrenDetails tree as flat phases. Keys are the path of step ids
 * (names where a step has no id, numbered when siblings share one) so they survive every poll.
 */
export function flattenSteps(children: readonly StepNode[] | null | undefined): FlatStep[] {
  const out: FlatStep[] = [];
  const walk = (
    nodes: readonly StepNode[],
    parentKey: string | null,
    names: string[],
    lane: string | null,
  ) => {
    const used = new Map<string, number>();
    nodes
      .filter((n) => !isEmpty(n))
      .forEach((node, order) => {
        const base = (node.id ?? "").trim() || (node.name ?? "").trim() || "step";
        const seen = used.get(base) ?? 0;
        used.set(base, seen + 1);
        const segment = (seen === 0 ? base : `${base}#${seen + 1}`).replaceAll("/", "∕");
        const key = parentKey ? `${parentKey}/${segment}` : segment;
        const name = (node.name ?? "").trim() || base;
        const startedAt = toDate(node.started);
        const endedAt = toDate(node.finished);
        const phase: PhaseRecord = {
          key,
          parentKey,
          lane: lane ?? name,
          name,
          state: nodeState(node.state, node.status, startedAt !== null, endedAt !== null),
          vendorStatus: (node.status ?? node.state ?? "").trim() || null,
          order,
          startedAt,
          endedAt,
          message: (node.info ?? "").trim() || null,
        };
        const path = [...names, name];
        out.push({ phase, node, depth: path.length - 1, names: path });
        walk(node.childrenDetails ?? [], key, path, lane ?? name);
      });
  };
  walk(children ?? [], null, [], null);
  return out;
}

/** Leaf states under steps whose name says they make the target writable (the service-restoring step). */
export function writableLeafStates(steps: readonly FlatStep[]): JobState[] {
  const writableKeys = steps
    .filter((s) => /writable|allow writes/i.test(s.phase.name))
    .map((s) => s.phase.key);
  const parents = new Set(
    steps.map((s) => s.phase.parentKey).filter((k): k is string => k !== null),
  );
  return steps
    .filter((s) => !parents.has(s.phase.key))
    .filter((s) => writableKeys.some((k) => s.phase.key === k || s.phase.key.startsWith(`${k}/`)))
    .map((s) => s.phase.state);
}
