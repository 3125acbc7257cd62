import {
  PACK_SCHEMA,
  type EvidencePackDoc,
  type EvidencePerson,
  type PackRun,
} from "@/lib/contracts/evidence";
import { DEFAULT_CATEGORIES } from "@/lib/contracts/history";
import { listTargets } from "@/lib/data/targets";
import { getDb, type Tx } from "@/lib/db/client";
import { lastReplicationBefore, type HistoryJobRow } from "@/lib/data/history";
import { cutoverOf, groupsOf, rtoPhaseFor, type TargetRule } from "@/lib/domain/rto";
import { buildHistoryRun, runTimes } from "@/lib/services/history/build-run";
import { hashCanonical } from "./canonical";
import { previousPeriod, type Period } from "./period";
import { buildRunEvidence } from "./run-evidence";
import { allPeriodRows, drGroupsBefore, runDetails } from "./run-rows";
import { buildPackSummary } from "./summary";

/** Runs measured and detailed per batch: bounded query sizes for a quarter of thousands of runs. */
const BATCH = 250;

export const DEFINITIONS: Record<string, string> = {
  runs: "Every DR test, planned/unplanned failover, failback and restore that started in [from, to), whatever its outcome (succeeded, partial, failed, cancelled, still running).",
  rto: "Run start to the end of the step that restores service (per vendor: Eyeglass 'Make target writable', Commvault 'Post VM Failover'; a source may override it); a restore without such a step counts its whole successful run. Null when service was not restored.",
  rtoMet: "RTO at or below the group's target; null without a target or a measured RTO.",
  rpo: "Run start back to the end of the last successful replication before cut-over (a replication inside the run gives 0).",
  waiting:
    "Time the run waited on a person: steps the vendor reports as an approval or prompt (Commvault 'DR Approval'), and pauses asked for in Jobdeck until the matching resume (or the run's end). Overlaps counted once.",
  neverTested:
    "Groups known before the period's end (an RTO target, or a DR run ever seen) without a DR test or failover in the period.",
  trend:
    "Current period minus the previous one: the previous calendar quarter or month, else the range of equal length just before.",
  sha256:
    "Each run's sha256 is the SHA-256 of its RFC 8785 canonical JSON without the sha256 field; the pack's SHA-256 is over this whole document's canonical JSON (sign-offs are not part of it).",
};

/**
 * The evidence pack for [from, to): every run's evidence, oldest first, each with its own hash,
 * and the summary computed over all of them and over every run of the previous equal period.
 */
export async function buildPackDoc(
  period: Period,
  by: EvidencePerson,
  now: Date,
  db: Tx = getDb(),
): Promise<EvidencePackDoc> {
  const prev = previousPeriod(period);
  const filters = { categories: DEFAULT_CATEGORIES };
  const [rows, previousRows, seenGroups, targets, rpoTargets] = await Promise.all([
    allPeriodRows({ ...filters, from: period.from, to: period.to }, db),
    allPeriodRows({ ...filters, from: prev.from, to: prev.to }, db),
    drGroupsBefore(period.to, db),
    listTargets("rto", db),
    listTargets("rpo", db),
  ]);
  const measure = measurer(targets, rpoTargets);
  const runs: PackRun[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const [lastReplication, details] = await Promise.all([
      lastReplications(batch, db),
      runDetails(
        batch.map((r) => r.id),
        db,
      ),
    ]);
    for (const row of batch) {
      const replicationEndedAt = lastReplication.get(row.id) ?? null;
      const run = measure(row, replicationEndedAt);
      const evidence = buildRunEvidence({
        run,
        row,
        replicationEndedAt,
        actions: details.actions.get(run.id) ?? [],
        events: details.events.get(run.id) ?? [],
        logLines: details.logs.get(run.id) ?? new Map(),
        signOffs: details.signOffs.get(run.id) ?? [],
      });
      runs.push({ ...evidence, sha256: hashCanonical(evidence) });
    }
  }
  // The previous period's trend figures need no RPO: no replication lookups for it.
  const previousMeasured = previousRows.map((row) => measure(row, null));
  const knownGroups = [
    ...seenGroups.flatMap((g) => groupsOf(g, null).slice(0, 1)),
    ...targets.map((t) => t.group),
  ];
  return {
    schema: PACK_SCHEMA,
    period: { from: period.from.toISOString(), to: period.to.toISOString(), label: period.label },
    generatedAt: now.toISOString(),
    generatedBy: by,
    definitions: DEFINITIONS,
    summary: buildPackSummary({
      period,
      previousPeriod: prev,
      runs,
      previousRuns: previousMeasured,
      knownGroups,
    }),
    runs,
  };
}

const measurer =
  (targets: readonly TargetRule[], rpoTargets: readonly TargetRule[]) =>
  (row: HistoryJobRow, replicationEnd: Date | null) =>
    buildHistoryRun(row, {
      targets,
      rpoTargets,
      replicationEnds: replicationEnd ? [replicationEnd] : [],
    }).run;

/** The same last-replication lookup as /history (lib/services/history/measure-runs.ts), for one batch. */
function lastReplications(rows: readonly HistoryJobRow[], db: Tx) {
  return lastReplicationBefore(
    rows.flatMap((row) => {
      const before = cutoverOf(runTimes(row), rtoPhaseFor(row.kind, row.source.options));
      return before ? [{ id: row.id, sourceId: row.sourceId, before }] : [];
    }),
    db,
  );
}
