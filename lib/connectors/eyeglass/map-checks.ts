import { isTerminal } from "@/lib/domain/job-state";
import { emptySnapshot, type EventRecord, type JobRecord } from "@/lib/domain/model";
import { stepEvents, vendorIdOf } from "./map";
import type { CheckJob } from "./schemas";
import { nodeState, severityOf, vendorStateOf } from "./state";
import { flattenSteps, type FlatStep } from "./steps";
import { toDate } from "./time";

const joined = (names: string[]): string | null => [...new Set(names)].join(", ") || null;

function baseRecord(
  family: "readiness" | "replication",
  job: CheckJob,
  raw: unknown,
  steps: FlatStep[],
): JobRecord {
  const startedAt = toDate(job.started);
  const finishedAt = toDate(job.finished);
  const state = nodeState(job.state, job.status, startedAt !== null, finishedAt !== null);
  const terminal = isTerminal(state);
  return {
    ...emptySnapshot(vendorIdOf(family, job.id), {}),
    type: family,
    name: (job.name ?? "").trim() || `${family} ${job.id}`,
    state,
    vendorState: vendorStateOf(job.state, job.status),
    startedAt,
    endedAt: terminal ? finishedAt : null,
    message: (job.info ?? "").trim() || null,
    raw,
    phases: steps.map((s) => s.phase),
  };
}

/**
 * A readiness job checks zones (top level), their SyncIQ policies (second-level nodes with
 * children) and checks below; second-level leaves are zone-wide checks. Each finished zone and policy result becomes an event with its severity (OK is
 * info), so the wall can show readiness per zone; the zones and policies checked go in drGroup/policy.
 */
export function mapReadinessJob(job: CheckJob, raw: unknown): JobRecord {
  const steps = flattenSteps(job.childrenDetails);
  const record = baseRecord("readiness", job, raw, steps);
  const fallback = record.startedAt ?? new Date(0);
  const isResult = (s: FlatStep) =>
    s.depth === 0 || (s.depth === 1 && (s.node.childrenDetails?.length ?? 0) > 0);
  const results: EventRecord[] = steps.filter(isResult).flatMap(({ phase, node, depth, names }) => {
    const severity = severityOf(node.status);
    if (!phase.endedAt || severity === null) return [];
    return [
      {
        key: `result:${phase.key}`,
        at: phase.endedAt,
        severity,
        type: depth === 0 ? "readiness.zone" : "readiness.policy",
        message: `${names.join(" / ")}: ${node.status ?? ""}${phase.message ? ` (${phase.message})` : ""}`,
        raw: { ...node, childrenDetails: undefined },
      },
    ];
  });
  return {
    ...record,
    drGroup: joined(steps.filter((s) => s.depth === 0).map((s) => s.phase.name)),
    policy: joined(steps.filter((s) => s.depth === 1 && isResult(s)).map((s) => s.phase.name)),
    events: [
      ...results,
      ...stepEvents(
        steps.filter((s) => !isResult(s)),
        fallback,
      ),
    ],
  };
}

/** A configuration replication pass: per cluster pair, per policy; problems become events. */
export function mapReplicationJob(job: CheckJob, raw: unknown): JobRecord {
  const steps = flattenSteps(job.childrenDetails);
  const record = baseRecord("replication", job, raw, steps);
  return {
    ...record,
    cluster: joined(steps.filter((s) => s.depth === 0).map((s) => s.phase.name)),
    events: stepEvents(steps, record.startedAt ?? new Date(0)),
  };
}
