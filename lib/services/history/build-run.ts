import {
  categoryOf,
  groupsOf,
  measureRpo,
  measureRto,
  outcomeOf,
  rtoPhaseFor,
  targetFor,
  type TargetRule,
} from "@/lib/domain/rto";
import type { HistoryJobRow } from "@/lib/data/history";
import type { SummaryRun } from "./summarize";
import type { HistoryRun } from "@/lib/contracts/history";

export interface RunContext {
  targets: readonly TargetRule[];
  rpoTargets: readonly TargetRule[];
  /** Ends of successful replication jobs on the run's source (for RPO); empty when not looked up. */
  replicationEnds: readonly Date[];
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const runTimes = (row: HistoryJobRow) => ({
  state: row.state,
  startedAt: row.startedAt,
  endedAt: row.endedAt,
  phases: row.phases,
});

/** One stored job as a history run: measured RTO against its group's target, RPO where known. */
export function buildHistoryRun(row: HistoryJobRow, ctx: RunContext): SummaryRun {
  const category = categoryOf(row.kind, row.type) ?? "failover";
  // Readiness checks and mirror transfers restore no service: they carry no RTO or RPO.
  const measurable = category !== "readiness" && category !== "mirror";
  const rtoPhase = measurable ? rtoPhaseFor(row.kind, row.source.options) : null;
  const times = runTimes(row);
  const rtoMs = measurable ? measureRto(times, rtoPhase) : null;
  const groups = groupsOf(row.drGroup, row.policy);
  const rtoTargetMs = measurable ? targetFor(ctx.targets, row.sourceId, groups) : null;
  const rpoMs = measurable ? measureRpo(times, rtoPhase, ctx.replicationEnds) : null;
  const rpoTargetMs = measurable ? targetFor(ctx.rpoTargets, row.sourceId, groups) : null;
  const run: HistoryRun = {
    id: row.id,
    sourceId: row.sourceId,
    sourceName: row.source.name,
    kind: row.kind,
    vendorId: row.vendorId,
    category,
    type: row.type,
    name: row.name,
    state: row.state,
    vendorState: row.vendorState,
    outcome: outcomeOf(row.state),
    startedAt: iso(row.startedAt),
    endedAt: iso(row.endedAt),
    sortAt: row.sortAt.toISOString(),
    durationMs:
      row.startedAt && row.endedAt
        ? Math.max(0, row.endedAt.getTime() - row.startedAt.getTime())
        : null,
    rtoMs,
    rtoPhase,
    rtoTargetMs,
    rtoMet: rtoMs === null || rtoTargetMs === null ? null : rtoMs <= rtoTargetMs,
    rpoMs,
    rpoTargetMs,
    rpoMet: rpoMs === null || rpoTargetMs === null ? null : rpoMs <= rpoTargetMs,
    group: groups[0] ?? null,
    policy: row.policy,
    submittedBy: row.submittedBy,
  };
  const phases = row.phases.flatMap((p) =>
    p.depth === 0 && p.startedAt && p.endedAt
      ? [{ name: p.name, ms: Math.max(0, p.endedAt.getTime() - p.startedAt.getTime()) }]
      : [],
  );
  return { run, phases };
}
