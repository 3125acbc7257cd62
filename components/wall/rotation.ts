import type { JobState } from "@/lib/domain/job-state";
import type { WallPanelId } from "./panel-ids";

/** Failures that stop rotation; a cancel is someone's decision, not an alarm. */
const PINNING: ReadonlySet<JobState> = new Set(["failed", "aborted"]);

export interface FailureLike {
  id: string;
  state: JobState;
  recoveredAt: string | null;
  /** Its alert incident, if a rule opened one: acknowledged in Jobdeck, it no longer pins. */
  incident?: { status: "open" | "acknowledged" } | null;
}

/**
 * Failures that pin the wall: ones this screen has not seen before (what was listed when it first
 * started is history, not an alarm), not acknowledged, and not cleared by a later successful run.
 * "New" is decided by what the screen has seen, not by vendor timestamps, because vendor clocks drift.
 */
export function pinningFailures<F extends FailureLike>(
  failures: readonly F[],
  known: ReadonlySet<string>,
): F[] {
  return failures.filter(
    (f) =>
      PINNING.has(f.state) &&
      !known.has(f.id) &&
      !f.recoveredAt &&
      f.incident?.status !== "acknowledged",
  );
}

/**
 * Which set is on screen: rotation steps through the sets every `intervalMs` of `elapsedMs`; a
 * pin holds the first set with the failures panel.
 */
export function visibleSet(
  sets: readonly WallPanelId[][],
  intervalMs: number,
  elapsedMs: number,
  pinned: boolean,
): number {
  if (sets.length === 0) return 0;
  if (pinned) {
    const withFailures = sets.findIndex((s) => s.includes("failures"));
    if (withFailures >= 0) return withFailures;
  }
  if (intervalMs <= 0 || sets.length === 1) return 0;
  return Math.floor(Math.max(0, elapsedMs) / intervalMs) % sets.length;
}
