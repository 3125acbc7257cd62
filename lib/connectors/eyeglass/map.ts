import { isTerminal, type JobState } from "@/lib/domain/job-state";
import { emptySnapshot, type EventRecord, type JobRecord, type LogLine } from "@/lib/domain/model";
import type { FailoverJob, ReadinessDetail, ReadinessStatus } from "./schemas";
import { isCancelled, nodeState, severityOf, vendorStateOf } from "./state";
import { flattenSteps, writableLeafStates, type FlatStep } from "./steps";
import { toDate } from "./time";

export type Family = "failover" | "readiness" | "replication";

/** Jobdeck's id for a vendor job: Eyeglass ids are per endpoint, and getJob must know which to ask. */
export const vendorIdOf = (family: Family, id: string): string => `${family}:${id}`;

export function parseVendorId(vendorId: string): { family: Family; id: string } | null {
  const m = /^(failover|readiness|replication):(.+)$/.exec(vendorId);
  return m?.[1] && m[2] ? { family: m[1] as Family, id: m[2] } : null;
}

export interface MapOptions {
  /** Names or ids of production clusters: a failover whose target is one of them is a failback. */
  productionClusters: readonly string[];
}

/** "failover", "failback", "dr-test" or "rehearsal": the history page groups by it. */
export function classifyFailover(
  job: Pick<FailoverJob, "jobType" | "name" | "targetNode">,
  options: MapOptions,
): string {
  const words = `${job.jobType ?? ""} ${job.name ?? ""}`.toLowerCase();
  if (/dr[\s_-]?test/.test(words)) return "dr-test";
  if (/rehears/.test(words)) return "rehearsal";
  if (/failback/.test(words)) return "failback";
  const target = job.targetNode;
  const prod = new Set(options.productionClusters.map((c) => c.toLowerCase()));
  if (target && [target.name, target.id].some((v) => v && prod.has(v.toLowerCase())))
    return "failback";
  return "failover";
}

export function failoverState(job: FailoverJob, steps: readonly FlatStep[]): JobState {
  const root = job.jobStatusDetails;
  const stateWord = root?.state ?? job.status;
  const started = toDate(job.started ?? root?.started ?? job.startTime);
  const finished = toDate(job.finished ?? root?.finished ?? job.endTime);
  const state = nodeState(
    stateWord,
    root?.status ?? job.status,
    started !== null,
    finished !== null,
  );
  if (state === "running" || state === "queued" || state === "aborting") return state;
  if (isCancelled(root?.status, root?.info) || state === "canceled") return "canceled";
  if (job.success === true) return "succeeded";
  if (job.success === false) {
    const writable = writableLeafStates(steps);
    return writable.includes("succeeded") && writable.includes("failed") ? "partial" : "failed";
  }
  return state;
}

const unique = (values: Array<string | null | undefined>): string[] => [
  ...new Set(values.filter((v): v is string => !!v)),
];
const statusWord = (s: ReadinessStatus): string | null =>
  typeof s === "string" ? s : (s?.status ?? null);

function readinessEvents(job: FailoverJob, at: Date): EventRecord[] {
  const target = job.failoverTarget;
  const scopes: Array<{ scope: string; details: ReadinessDetail[] }> = [];
  if (target?.zone)
    scopes.push({ scope: target.zone.name ?? "zone", details: target.zone.readinessDetail ?? [] });
  for (const p of target?.policies ?? [])
    scopes.push({ scope: p.name ?? "policy", details: p.readinessDetail ?? [] });
  const events = new Map<string, EventRecord>();
  for (const { scope, details } of scopes) {
    for (const d of details) {
      const severity = severityOf(statusWord(d.status));
      if (severity === null || severity === "info") continue;
      const key = `readiness:${scope}:${d.name ?? ""}`;
      events.set(key, {
        key,
        at,
        severity,
        type: "readiness",
        message:
          `${scope}: ${d.name ?? "readiness"} ${statusWord(d.status) ?? ""}: ${d.reason ?? ""}`.trim(),
        raw: d,
      });
    }
  }
  return [...events.values()];
}

/** Steps that finished with a warning or an error, one event each (keyed by the step's phase key). */
export function stepEvents(steps: readonly FlatStep[], fallback: Date): EventRecord[] {
  return steps.flatMap(({ phase, node, names }) => {
    const severity = severityOf(node.status);
    if (!phase.endedAt || (severity !== "warning" && severity !== "error")) return [];
    const where = names.join(" > ");
    return [
      {
        key: `step:${phase.key}`,
        at: phase.endedAt ?? fallback,
        severity,
        type: `step.${severity}`,
        message: phase.message ? `${where}: ${phase.message}` : `${where}: ${node.status ?? ""}`,
        raw: { ...node, childrenDetails: undefined },
      },
    ];
  });
}

export function mapFailoverJob(
  job: FailoverJob,
  raw: unknown,
  options: MapOptions,
  log?: LogLine[],
): JobRecord {
  const root = job.jobStatusDetails;
  const steps = flattenSteps(root?.childrenDetails);
  const startedAt = toDate(job.started ?? root?.started ?? job.startTime);
  const state = failoverState(job, steps);
  const terminal = isTerminal(state);
  const policies = job.failoverTarget?.policies ?? [];
  const zone =
    job.failoverTarget?.zone?.name ?? unique(policies.map((p) => p.zone?.name)).join(", ");
  const source = job.sourceNode?.name ?? job.sourceNode?.id;
  const target = job.targetNode?.name ?? job.targetNode?.id;
  const at = startedAt ?? new Date(0);
  const record: JobRecord = {
    ...emptySnapshot(vendorIdOf("failover", job.id), {}),
    type: classifyFailover(job, options),
    name: job.name ?? root?.name ?? job.id,
    state,
    vendorState: vendorStateOf(root?.state ?? job.status, root?.status),
    startedAt,
    endedAt: terminal ? toDate(job.finished ?? root?.finished ?? job.endTime) : null,
    drGroup: zone || null,
    policy: unique(policies.map((p) => p.name)).join(", ") || null,
    cluster: source || target ? `${source ?? "?"} → ${target ?? "?"}` : null,
    message: (root?.info ?? "").trim() || null,
    raw,
    phases: steps.map((s) => s.phase),
    events: [...readinessEvents(job, at), ...stepEvents(steps, at)],
  };
  if (log) record.log = log;
  return record;
}
