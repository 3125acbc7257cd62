import { lastReplicationBefore, type HistoryJobRow } from "@/lib/data/history";
import { listTargets } from "@/lib/data/targets";
import { getDb, type Tx } from "@/lib/db/client";
import { cutoverOf, rtoPhaseFor } from "@/lib/domain/rto";
import { buildHistoryRun, runTimes } from "./build-run";
import type { SummaryRun } from "./summarize";

/** Stored jobs as measured history runs: targets and last replications looked up once for all. */
export async function measureRuns(
  rows: readonly HistoryJobRow[],
  opts: { rpo: boolean },
  db: Tx = getDb(),
): Promise<SummaryRun[]> {
  const [targets, rpoTargets] = await Promise.all([listTargets("rto", db), listTargets("rpo", db)]);
  const lookups = opts.rpo
    ? rows.flatMap((row) => {
        const before = cutoverOf(runTimes(row), rtoPhaseFor(row.kind, row.source.options));
        return before ? [{ id: row.id, sourceId: row.sourceId, before }] : [];
      })
    : [];
  const last = await lastReplicationBefore(lookups, db);
  return rows.map((row) => {
    const end = last.get(row.id);
    return buildHistoryRun(row, { targets, rpoTargets, replicationEnds: end ? [end] : [] });
  });
}
