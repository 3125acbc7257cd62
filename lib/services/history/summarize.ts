import { median, percentile, periodKey, successRate, type Period } from "@/lib/domain/rto";
import type { SourceKind } from "@/lib/domain/source-kind";
import type {
  GroupRow,
  HistoryRun,
  HistorySummary,
  SlowPhaseRow,
  TrendRow,
} from "@/lib/contracts/history";

export interface SummaryRun {
  run: HistoryRun;
  /** Finished phases of the run: name and how long it took (the longest lane's, when on several). */
  phases: ReadonlyArray<{ name: string; ms: number }>;
}

export interface SummaryInput {
  runs: readonly SummaryRun[];
  /** Every run started this quarter, whatever the period filter, for "tests per group". */
  quarterRuns: readonly HistoryRun[];
  /** DR groups the estate has (seen in any run, or given a target): the ones that should be tested. */
  knownGroups: readonly string[];
  quarter: string;
  slowestLimit?: number;
}

const rtos = (runs: readonly HistoryRun[]) =>
  runs.flatMap((r) => (r.rtoMs === null ? [] : [r.rtoMs]));

function stats(runs: readonly HistoryRun[]) {
  const values = rtos(runs);
  return {
    runs: runs.length,
    succeeded: runs.filter((r) => r.outcome === "succeeded").length,
    successRate: successRate(runs.map((r) => r.outcome)),
    rtoMedianMs: median(values),
    rtoP90Ms: percentile(values, 90),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}

function trend(runs: readonly HistoryRun[], period: Period): TrendRow[] {
  const buckets = groupBy(runs, (r) => periodKey(new Date(r.startedAt ?? r.sortAt), period));
  return [...buckets.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, rs]) => ({ period: key, ...stats(rs) }));
}

function slowest(runs: readonly SummaryRun[], limit: number): SlowPhaseRow[] {
  const perPhase = new Map<string, { name: string; kind: SourceKind; durations: number[] }>();
  for (const { run, phases } of runs) {
    const longest = new Map<string, number>();
    for (const p of phases) longest.set(p.name, Math.max(longest.get(p.name) ?? 0, p.ms));
    for (const [name, ms] of longest) {
      const key = `${run.kind}\u0000${name}`;
      const entry = perPhase.get(key) ?? { name, kind: run.kind, durations: [] };
      entry.durations.push(ms);
      perPhase.set(key, entry);
    }
  }
  return [...perPhase.values()]
    .map((p) => ({
      name: p.name,
      kind: p.kind,
      runs: p.durations.length,
      medianMs: median(p.durations) ?? 0,
      maxMs: Math.max(...p.durations),
    }))
    .sort((a, b) => b.medianMs - a.medianMs || b.maxMs - a.maxMs || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** The figures behind the history page's cards and charts, from runs already filtered and measured. */
export function summarizeHistory(input: SummaryInput): HistorySummary {
  const runs = input.runs.map((r) => r.run);
  const overall = stats(runs);
  const withTarget = runs.filter((r) => r.rtoMet !== null);
  const tests = groupBy(
    input.quarterRuns.filter((r) => r.category === "test"),
    (r) => r.group,
  );
  const byGroup = groupBy(runs, (r) => r.group);
  const names = new Set([...input.knownGroups, ...byGroup.keys()]);
  const groups: GroupRow[] = [...names]
    .sort((a, b) => a.localeCompare(b))
    .map((group) => {
      const rs = byGroup.get(group) ?? [];
      return {
        group,
        ...stats(rs),
        rtoTargetMs: rs.find((r) => r.rtoTargetMs !== null)?.rtoTargetMs ?? null,
        metTarget: rs.filter((r) => r.rtoMet === true).length,
        missedTarget: rs.filter((r) => r.rtoMet === false).length,
        testsThisQuarter: tests.get(group)?.length ?? 0,
      };
    });
  return {
    runs: overall.runs,
    finished: runs.filter((r) => r.outcome !== "running").length,
    succeeded: overall.succeeded,
    successRate: overall.successRate,
    rto: {
      measured: rtos(runs).length,
      medianMs: overall.rtoMedianMs,
      p90Ms: overall.rtoP90Ms,
      withTarget: withTarget.length,
      metTarget: withTarget.filter((r) => r.rtoMet === true).length,
    },
    groups,
    months: trend(runs, "month"),
    quarters: trend(runs, "quarter"),
    quarter: input.quarter,
    neverTestedThisQuarter: groups.filter((g) => g.testsThisQuarter === 0).map((g) => g.group),
    slowestPhases: slowest(
      input.runs.filter((r) => r.run.outcome !== "running"),
      input.slowestLimit ?? 8,
    ),
  };
}
