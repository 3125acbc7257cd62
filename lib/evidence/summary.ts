import type { PackGroupRow, PackSummary, PeriodStats, RunEvidence } from "@/lib/contracts/evidence";
import type { HistoryRun } from "@/lib/contracts/history";
import { FAILOVER_CATEGORIES, median, type Outcome } from "@/lib/domain/rto";

/** Runs that exercise recovery of a group: tests and failovers/failbacks (not restores). */
const isDrRun = (r: Pick<HistoryRun, "category">) =>
  FAILOVER_CATEGORIES.has(r.category) && r.category !== "restore";

export function periodStats(
  range: { from: Date; to: Date },
  runs: ReadonlyArray<Pick<HistoryRun, "outcome" | "rtoMs" | "rtoMet">>,
): PeriodStats {
  const finished = runs.filter((r) => r.outcome !== "running").length;
  const succeeded = runs.filter((r) => r.outcome === "succeeded").length;
  const rtos = runs.flatMap((r) => (r.rtoMs === null ? [] : [r.rtoMs]));
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    runs: runs.length,
    succeeded,
    finished,
    successRate: finished ? succeeded / finished : null,
    rtoMeasured: rtos.length,
    rtoMedianMs: median(rtos),
    metTarget: runs.filter((r) => r.rtoMet === true).length,
    missedTarget: runs.filter((r) => r.rtoMet === false).length,
  };
}

const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/**
 * The pack's first page: per group, met/missed against target, groups with no DR run in the
 * period, and the change from the previous period of equal length. Computed over every run of
 * both periods (the caller reads them all, never a sample).
 */
export function buildPackSummary(input: {
  period: { from: Date; to: Date };
  previousPeriod: { from: Date; to: Date };
  runs: readonly RunEvidence[];
  previousRuns: ReadonlyArray<Pick<HistoryRun, "outcome" | "rtoMs" | "rtoMet">>;
  knownGroups: readonly string[];
}): PackSummary {
  const flat = input.runs.map((e) => ({
    outcome: e.run.outcome,
    rtoMs: e.rto.ms,
    rtoMet: e.rto.met,
    category: e.run.category,
    group: e.run.group,
    targetMs: e.rto.targetMs,
    waitingMs: e.waiting.totalMs,
  }));
  const current = periodStats(input.period, flat);
  const previous = periodStats(input.previousPeriod, input.previousRuns);
  const outcomes: Record<Outcome, number> = { succeeded: 0, partial: 0, failed: 0, running: 0 };
  for (const r of flat) outcomes[r.outcome] += 1;

  const byGroup = new Map<string, typeof flat>();
  for (const r of flat) {
    const key = r.group ?? "(no group)";
    byGroup.set(key, [...(byGroup.get(key) ?? []), r]);
  }
  const groups: PackGroupRow[] = [...byGroup.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, rs]) => {
      const targets = [...new Set(rs.flatMap((r) => (r.targetMs === null ? [] : [r.targetMs])))];
      return {
        group,
        runs: rs.length,
        succeeded: rs.filter((r) => r.outcome === "succeeded").length,
        partial: rs.filter((r) => r.outcome === "partial").length,
        failed: rs.filter((r) => r.outcome === "failed").length,
        running: rs.filter((r) => r.outcome === "running").length,
        drRuns: rs.filter(isDrRun).length,
        // One target per group in practice; a source-specific override shows as the strictest.
        rtoTargetMs: targets.length ? Math.min(...targets) : null,
        rtoMedianMs: median(rs.flatMap((r) => (r.rtoMs === null ? [] : [r.rtoMs]))),
        metTarget: rs.filter((r) => r.rtoMet === true).length,
        missedTarget: rs.filter((r) => r.rtoMet === false).length,
        waitingMs: rs.reduce((s, r) => s + r.waitingMs, 0),
      };
    });
  const tested = new Set(
    flat.filter(isDrRun).flatMap((r) => (r.group ? [r.group.toLowerCase()] : [])),
  );
  const neverTested = [...new Set(input.knownGroups)]
    .filter((g) => !tested.has(g.toLowerCase()))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    current,
    previous,
    trend: {
      runs: current.runs - previous.runs,
      successRate: delta(current.successRate, previous.successRate),
      rtoMedianMs: delta(current.rtoMedianMs, previous.rtoMedianMs),
      metTarget: current.metTarget - previous.metTarget,
      missedTarget: current.missedTarget - previous.missedTarget,
    },
    outcomes,
    waitingMs: flat.reduce((s, r) => s + r.waitingMs, 0),
    groups,
    neverTested,
  };
}
