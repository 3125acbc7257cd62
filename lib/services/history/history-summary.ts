import { knownDrGroups, type HistoryFilters } from "@/lib/data/history";
import { listTargets } from "@/lib/data/targets";
import {
  historyPhaseStats,
  historyRunsPerGroup,
  historyRunStats,
  type RunStatsRow,
} from "@/lib/data/history-aggregates";
import { getDb, type Tx } from "@/lib/db/client";
import { groupsOf, periodKey, quarterRange } from "@/lib/domain/rto";
import type { GroupRow, HistorySummary, TrendRow } from "@/lib/contracts/history";

const SLOWEST_PHASES = 8;

const matches = (name: string, groups: readonly string[] | undefined) =>
  !groups?.length || groups.some((g) => name.toLowerCase().includes(g.toLowerCase()));

const stats = (r: RunStatsRow | undefined) => ({
  runs: r?.runs ?? 0,
  succeeded: r?.succeeded ?? 0,
  successRate: r && r.finished > 0 ? r.succeeded / r.finished : null,
  rtoMedianMs: r?.medianMs ?? null,
  rtoP90Ms: r?.p90Ms ?? null,
});

const trend = (rows: readonly RunStatsRow[]): TrendRow[] =>
  rows
    .flatMap((r) => (r.key === null ? [] : [{ period: r.key, ...stats(r) }]))
    .sort((a, b) => a.period.localeCompare(b.period));

/**
 * The figures behind the history page's cards and charts, aggregated by PostgreSQL over every
 * matching run (lib/data/history-aggregates); summarizeHistory is the same definition over runs in
 * memory, kept as the reference the aggregates are tested against.
 */
export async function getHistorySummary(
  filters: HistoryFilters,
  now: Date = new Date(),
  db: Tx = getDb(),
): Promise<HistorySummary> {
  const quarter = quarterRange(now);
  const quarterTests: HistoryFilters = {
    kinds: filters.kinds,
    groups: filters.groups,
    categories: ["test"],
    from: quarter.from,
    to: quarter.to,
  };
  const [rows, tests, phases, seen, targets] = await Promise.all([
    historyRunStats(filters, db),
    historyRunsPerGroup(quarterTests, db),
    historyPhaseStats(filters, db),
    knownDrGroups(filters.kinds, db, filters.from),
    listTargets("rto", db),
  ]);
  const all = rows.find((r) => r.dim === "all");
  const byGroup = new Map(
    rows.flatMap((r) => (r.dim === "group" && r.key !== null ? [[r.key, r] as const] : [])),
  );
  // A run is grouped under its first group name, so a stored "zone-a, zone-b" counts as zone-a.
  const firstGroups = seen.flatMap((g) => groupsOf(g, null).slice(0, 1));
  const knownGroups = [...new Set([...firstGroups, ...targets.map((t) => t.group)])].filter((g) =>
    matches(g, filters.groups),
  );
  const names = new Set([...knownGroups, ...byGroup.keys()]);
  const groups: GroupRow[] = [...names]
    .sort((a, b) => a.localeCompare(b))
    .map((group) => {
      const r = byGroup.get(group);
      return {
        group,
        ...stats(r),
        rtoTargetMs: r?.targetMs ?? null,
        metTarget: r?.metTarget ?? 0,
        missedTarget: (r?.withTarget ?? 0) - (r?.metTarget ?? 0),
        testsThisQuarter: tests.get(group) ?? 0,
      };
    });
  const overall = stats(all);
  return {
    runs: overall.runs,
    finished: all?.finished ?? 0,
    succeeded: overall.succeeded,
    successRate: overall.successRate,
    rto: {
      measured: all?.measured ?? 0,
      medianMs: overall.rtoMedianMs,
      p90Ms: overall.rtoP90Ms,
      withTarget: all?.withTarget ?? 0,
      metTarget: all?.metTarget ?? 0,
    },
    groups,
    months: trend(rows.filter((r) => r.dim === "month")),
    quarters: trend(rows.filter((r) => r.dim === "quarter")),
    quarter: periodKey(now, "quarter"),
    neverTestedThisQuarter: groups.filter((g) => g.testsThisQuarter === 0).map((g) => g.group),
    slowestPhases: phases
      .sort((a, b) => b.medianMs - a.medianMs || b.maxMs - a.maxMs || a.name.localeCompare(b.name))
      .slice(0, SLOWEST_PHASES),
  };
}
