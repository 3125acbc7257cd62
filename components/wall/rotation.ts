import type { JobState } from "@/lib/domain/job-state";
import type { WallPanelId } from "./panel-ids";

/** Failures that stop rotation; a cancel is someone's decision, not an alarm. */
const PINNING: ReadonlySet<JobState> = new Set(["failed", "aborted"]);

export interface FailureLike {
  id: string;
  state: JobState;
  endedAt: string | null;
  updatedAt: string;
  recoveredAt: string | null;
}

/**
 * Failures that pin the wall: new since the screen started watching (history is listed, not
 * alarmed), not acknowledged on this screen, and not cleared by a later successful run.
 */
export function pinningFailures<F extends FailureLike>(failures: readonly F[], watchingSince: number, acknowledged: ReadonlySet<string>): F[] {
  return failures.filter((f) => {
    if (!PINNING.has(f.state) || acknowledged.has(f.id) || f.recoveredAt) return false;
    return Date.parse(f.endedAt ?? f.updatedAt) >= watchingSince;
  });
}

/**
 * Which set is on screen: rotation steps through the sets every `intervalMs` of `elapsedMs`; a
 * pin holds the first set with the failures panel.
 */
export function visibleSet(sets: readonly WallPanelId[][], intervalMs: number, elapsedMs: number, pinned: boolean): number {
  if (sets.length === 0) return 0;
  if (pinned) {
    const withFailures = sets.findIndex((s) => s.includes("failures"));
    if (withFailures >= 0) return withFailures;
  }
  if (intervalMs <= 0 || sets.length === 1) return 0;
  return Math.floor(Math.max(0, elapsedMs) / intervalMs) % sets.length;
}
