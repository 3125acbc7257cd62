/**
 * A job is a planned sequence of leaf steps grouped by path. Where the clock stands decides which
 * steps have started and finished, so a job's whole state is a pure function of plan, start and time.
 */
import type { Pace } from "@/lib/simulators/engine/clock";

export type StepOutcome = "SUCCESS" | "WARNING" | "ERROR";

export interface StepLabel {
  id: string;
  name: string;
}

export interface LeafPlan {
  /** Enclosing groups, outermost first. */
  path: StepLabel[];
  label: StepLabel;
  durationMs: number;
  outcome: StepOutcome;
  info: string;
  /** An ERROR here ends the job; otherwise the job carries on (a per-policy failure). */
  halts: boolean;
}

export interface Stop {
  at: number;
  kind: "cancel" | "fail";
  info: string;
}

export interface TimedLeaf extends LeafPlan {
  start: number;
  end: number;
}

export interface Timeline {
  leaves: TimedLeaf[];
  /** Null when the job never started (cancelled while queued). */
  start: number | null;
  end: number;
  stoppedBy: Stop["kind"] | "error" | null;
  stopInfo: string | null;
}

/**
 * Lays the plan end to end from `start`. A stop cuts the running step short as an ERROR; after any
 * stop or halting error the epilogue (e.g. rolling back renamed shares) still runs.
 */
export function schedule(
  plan: readonly LeafPlan[],
  start: number,
  stop: Stop | null,
  epilogue: readonly LeafPlan[],
): Timeline {
  if (stop && stop.at <= start) {
    return { leaves: [], start: null, end: stop.at, stoppedBy: stop.kind, stopInfo: stop.info };
  }
  const leaves: TimedLeaf[] = [];
  let t = start;
  let stoppedBy: Timeline["stoppedBy"] = null;
  let stopInfo: string | null = null;
  for (const leaf of plan) {
    const end = t + leaf.durationMs;
    if (stop && stop.at < end) {
      leaves.push({ ...leaf, start: t, end: stop.at, outcome: "ERROR", info: stop.info });
      t = stop.at;
      stoppedBy = stop.kind;
      stopInfo = stop.info;
      break;
    }
    leaves.push({ ...leaf, start: t, end });
    t = end;
    if (leaf.outcome === "ERROR" && leaf.halts) {
      stoppedBy = "error";
      stopInfo = leaf.info;
      break;
    }
  }
  if (stoppedBy) {
    for (const leaf of epilogue) {
      leaves.push({ ...leaf, start: t, end: t + leaf.durationMs });
      t += leaf.durationMs;
    }
  }
  return { leaves, start, end: t, stoppedBy, stopInfo };
}

/** Sets the leaf durations so the last step of `groupId` ends exactly `rtoMs` after the start. */
export function fixServiceRestore(plan: LeafPlan[], groupId: string, rtoMs: number): LeafPlan[] {
  let last = -1;
  plan.forEach((leaf, i) => {
    if (leaf.path.some((g) => g.id === groupId)) last = i;
  });
  if (last < 0) return plan;
  const before = plan.slice(0, last + 1);
  const total = before.reduce((sum, l) => sum + l.durationMs, 0);
  const scaled = before.map((l) => ({
    ...l,
    durationMs: Math.max(1, Math.floor((l.durationMs * rtoMs) / total)),
  }));
  const others = scaled.slice(0, -1).reduce((sum, l) => sum + l.durationMs, 0);
  const lastLeaf = scaled[scaled.length - 1];
  if (lastLeaf) lastLeaf.durationMs = Math.max(1, rtoMs - others);
  return [...scaled, ...plan.slice(last + 1)];
}

/** Stretches or shrinks the steps after `groupId` so the whole plan lasts `totalMs`. */
export function fitTotal(plan: LeafPlan[], groupId: string, totalMs: number): LeafPlan[] {
  let last = -1;
  plan.forEach((leaf, i) => {
    if (leaf.path.some((g) => g.id === groupId)) last = i;
  });
  const head = plan.slice(0, last + 1);
  const tail = plan.slice(last + 1);
  const headMs = head.reduce((sum, l) => sum + l.durationMs, 0);
  const tailMs = tail.reduce((sum, l) => sum + l.durationMs, 0);
  const room = totalMs - headMs;
  if (tail.length === 0 || tailMs === 0 || room < tail.length) return plan;
  const scaled = tail.map((l) => ({
    ...l,
    durationMs: Math.max(1, Math.floor((l.durationMs * room) / tailMs)),
  }));
  const lastLeaf = scaled[scaled.length - 1];
  if (lastLeaf) lastLeaf.durationMs += room - scaled.reduce((sum, l) => sum + l.durationMs, 0);
  return [...head, ...scaled];
}

/** Scales every step so the plan lasts about `totalMs` (control endpoint's durationMs). */
export function scalePlan(plan: LeafPlan[], totalMs: number): LeafPlan[] {
  const total = plan.reduce((sum, l) => sum + l.durationMs, 0);
  if (total <= 0) return plan;
  return plan.map((l) => ({
    ...l,
    durationMs: Math.max(1, Math.round((l.durationMs * totalMs) / total)),
  }));
}

/** The plan at the appliance's pace: every step N times shorter at speed N. */
export function pacePlan(plan: LeafPlan[], pace: Pace): LeafPlan[] {
  return pace.speed === 1 ? plan : plan.map((l) => ({ ...l, durationMs: pace.span(l.durationMs) }));
}
