import type { EvidenceAction, EvidencePerson, RunEvidence } from "@/lib/contracts/evidence";
import { RUN_SCHEMA } from "@/lib/contracts/evidence";
import type { HistoryRun } from "@/lib/contracts/history";
import { buildPhaseTree, flattenPhaseTree, phaseTiming } from "@/lib/domain/phase-tree";
import { cutoverOf } from "@/lib/domain/rto";
import type { JobState } from "@/lib/domain/job-state";
import { personWaitKind, waitIntervals } from "./waiting";

export interface RunEvidenceInput {
  run: HistoryRun;
  row: {
    message: string | null;
    submittedBy: string | null;
    phases: ReadonlyArray<{
      vendorKey: string;
      parentKey: string | null;
      lane: string | null;
      name: string;
      depth: number;
      sortOrder: number;
      state: JobState;
      startedAt: Date | null;
      endedAt: Date | null;
    }>;
  };
  replicationEndedAt: Date | null;
  actions: ReadonlyArray<{
    id: string;
    action: string;
    actor: string;
    actorEmail: string | null;
    actorId: string | null;
    status: string;
    reason: string | null;
    requestedAt: Date;
    completedAt: Date | null;
    vendorReply: string | null;
    audit: ReadonlyArray<{ at: Date; stage: string; detail: string | null }>;
  }>;
  events: ReadonlyArray<{
    vendorKey: string;
    at: Date;
    severity: "info" | "warning" | "error";
    type: string;
    message: string;
  }>;
  /** Log line sequence numbers per step vendor key. */
  logLines: ReadonlyMap<string, readonly number[]>;
  signOffs: ReadonlyArray<{
    id: string;
    author: string;
    authorEmail: string | null;
    authorId: string | null;
    note: string;
    createdAt: Date;
  }>;
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const at = (s: string | null) => (s ? new Date(s) : null);
const samePhase = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function distinctPeople(people: readonly EvidencePerson[]): EvidencePerson[] {
  const seen = new Map<string, EvidencePerson>();
  for (const p of people) {
    const key = p.id ?? p.email ?? p.name;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
}

/**
 * One run's evidence from its stored rows and its measured history run: the same RTO/RPO figures as
 * /history (lib/services/history/build-run.ts), plus the milestones, each step's time, time waiting
 * on a person, the people, and the vendor's own ids for each figure. Pure: the caller loads the rows.
 */
export function buildRunEvidence(input: RunEvidenceInput): RunEvidence {
  const { run, row } = input;
  const tree = buildPhaseTree(
    row.phases.map((p) => ({ ...p, key: p.vendorKey, order: p.sortOrder })),
  );
  const flat = flattenPhaseTree(tree);
  const isService = (name: string) => run.rtoPhase !== null && samePhase(name, run.rtoPhase);
  const steps = flat.map(({ phase: p, depth }) => ({
    vendorKey: p.vendorKey,
    ...phaseTiming(p, depth),
    service: isService(p.name),
    waitsOnPerson: personWaitKind(p.name) !== null,
    logLines: [...(input.logLines.get(p.vendorKey) ?? [])],
  }));
  const starts = row.phases.flatMap((p) => (p.startedAt ? [p.startedAt.getTime()] : []));
  const ends = row.phases.flatMap((p) => (p.endedAt ? [p.endedAt.getTime()] : []));
  const startedAt = at(run.startedAt);
  const endedAt = at(run.endedAt);
  // The service step that ended last is the one the RTO is measured to.
  const serviceStep = row.phases
    .filter((p) => isService(p.name) && p.endedAt)
    .sort((a, b) => (b.endedAt?.getTime() ?? 0) - (a.endedAt?.getTime() ?? 0))[0];
  const cutover =
    run.rtoMs === null && run.rpoMs === null
      ? null
      : cutoverOf({ state: run.state, startedAt, endedAt, phases: row.phases }, run.rtoPhase);
  const actions: EvidenceAction[] = input.actions.map((a) => ({
    id: a.id,
    action: a.action,
    actor: { name: a.actor, email: a.actorEmail, id: a.actorId },
    status: a.status,
    reason: a.reason,
    requestedAt: a.requestedAt.toISOString(),
    completedAt: iso(a.completedAt),
    vendorReply: a.vendorReply,
    stages: a.audit.map((s) => ({ at: s.at.toISOString(), stage: s.stage, detail: s.detail })),
  }));
  const launch = actions.find((a) => a.action.startsWith("launch"));
  const signOffs = input.signOffs.map((s) => ({
    id: s.id,
    author: { name: s.author, email: s.authorEmail, id: s.authorId },
    note: s.note,
    createdAt: s.createdAt.toISOString(),
  }));
  return {
    schema: RUN_SCHEMA,
    run: {
      id: run.id,
      source: { id: run.sourceId, name: run.sourceName, kind: run.kind },
      vendorId: run.vendorId,
      category: run.category,
      type: run.type,
      name: run.name,
      state: run.state,
      vendorState: run.vendorState,
      outcome: run.outcome,
      group: run.group,
      policy: run.policy,
      message: row.message,
    },
    milestones: {
      declaredAt: launch?.requestedAt ?? run.startedAt,
      declaredBy: launch?.actor.name ?? row.submittedBy,
      startedAt: run.startedAt,
      firstStepAt: starts.length ? new Date(Math.min(...starts)).toISOString() : null,
      serviceRestoredAt:
        startedAt && run.rtoMs !== null
          ? new Date(startedAt.getTime() + run.rtoMs).toISOString()
          : null,
      lastStepAt: ends.length ? new Date(Math.max(...ends)).toISOString() : null,
      endedAt: run.endedAt,
    },
    durationMs: run.durationMs,
    steps,
    waiting: waitIntervals(row.phases, input.actions, endedAt),
    rto: {
      ms: run.rtoMs,
      phase: run.rtoPhase,
      targetMs: run.rtoTargetMs,
      met: run.rtoMet,
      ref: {
        jobId: run.vendorId,
        ...(serviceStep
          ? {
              stepKey: serviceStep.vendorKey,
              logLines: [...(input.logLines.get(serviceStep.vendorKey) ?? [])],
            }
          : {}),
      },
    },
    rpo: {
      ms: run.rpoMs,
      targetMs: run.rpoTargetMs,
      met: run.rpoMet,
      cutoverAt: iso(cutover),
      lastReplicationEndedAt: run.rpoMs === null ? null : iso(input.replicationEndedAt),
    },
    people: {
      launchedBy: launch?.actor ?? null,
      vendorSubmitter: row.submittedBy,
      approvedBy: distinctPeople([
        ...actions.filter((a) => /approv/i.test(a.action)).map((a) => a.actor),
        ...signOffs.map((s) => s.author),
      ]),
      actedBy: distinctPeople(actions.map((a) => a.actor)),
    },
    actions,
    events: input.events
      .filter((e) => e.severity !== "info")
      .map((e) => ({
        vendorKey: e.vendorKey,
        at: e.at.toISOString(),
        severity: e.severity,
        type: e.type,
        message: e.message,
      })),
    runSignOffs: signOffs,
  };
}
