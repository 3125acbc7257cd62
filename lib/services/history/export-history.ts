import { allHistoryRows, type HistoryFilters } from "@/lib/data/history";
import { getDb, type Tx } from "@/lib/db/client";
import { historyCsv } from "./csv";
import { measureRuns } from "./measure-runs";

/** The most runs one CSV download carries; past it the response says it was truncated. */
const EXPORT_MAX_RUNS = 20_000;

/** The whole filtered history as CSV, newest first, the same rows and order as the page's table. */
export async function exportHistoryCsv(filters: HistoryFilters, db: Tx = getDb()): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const rows = await allHistoryRows(filters, EXPORT_MAX_RUNS + 1, db);
  const kept = rows.slice(0, EXPORT_MAX_RUNS);
  const runs = await measureRuns(kept, { rpo: true }, db);
  return { csv: historyCsv(runs.map((r) => r.run)), rows: kept.length, truncated: rows.length > EXPORT_MAX_RUNS };
}
