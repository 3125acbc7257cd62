import { allHistoryRows, knownDrGroups, listRtoTargets, type HistoryFilters } from "@/lib/data/history";
import { getDb, type Tx } from "@/lib/db/client";
import { groupsOf, periodKey, quarterRange } from "@/lib/domain/rto";
import { measureRuns } from "./measure-runs";
import { summarizeHistory } from "./summarize";
import type { HistorySummary } from "./types";

/** More runs than any estate's years of failovers; readiness runs are opt-in for this reason. */
export const SUMMARY_MAX_RUNS = 20_000;

const matches = (name: string, groups: readonly string[] | undefined) =>
  !groups?.length || groups.some((g) => name.toLowerCase().includes(g.toLowerCase()));

export async function getHistorySummary(filters: HistoryFilters, now: Date = new Date(), db: Tx = getDb()): Promise<HistorySummary> {
  const quarter = quarterRange(now);
  const [rows, quarterRows, seen, targets] = await Promise.all([
    allHistoryRows(filters, SUMMARY_MAX_RUNS, db),
    allHistoryRows({ kinds: filters.kinds, groups: filters.groups, categories: ["test"], from: quarter.from, to: quarter.to }, SUMMARY_MAX_RUNS, db),
    knownDrGroups(filters.kinds, db),
    listRtoTargets(db),
  ]);
  const [runs, quarterRuns] = await Promise.all([measureRuns(rows, { rpo: false }, db), measureRuns(quarterRows, { rpo: false }, db)]);
  // A run is grouped under its first group name, so a stored "zone-a, zone-b" counts as zone-a.
  const firstGroups = seen.flatMap((g) => groupsOf(g, null).slice(0, 1));
  const knownGroups = [...new Set([...firstGroups, ...targets.map((t) => t.group)])].filter((g) => matches(g, filters.groups));
  return summarizeHistory({ runs, quarterRuns: quarterRuns.map((r) => r.run), knownGroups, quarter: periodKey(now, "quarter") });
}
