import type { Pace } from "@/lib/simulators/engine/clock";
import type { Rng } from "@/lib/simulators/engine/rng";
import type { PlannedJob, Placed } from "./planned-job";
import {
  jobPhase,
  renderSteps,
  wireTime,
  worstOutcome,
  type RenderOptions,
  type StepNode,
} from "./render";
import { pacePlan, scalePlan, type LeafPlan, type StepOutcome } from "./timeline";
import { PAIRS } from "./topology";

/** Readiness and configuration replication jobs: trees of checks with no job model around them. */
export type CheckJob = PlannedJob;

const READINESS_CHECKS = [
  ["policy-state", "SyncIQ policy state"],
  ["last-run", "SyncIQ last run"],
  ["target-path", "Target path and quota domain"],
] as const;

const RARE_READINESS_ERRORS = [
  "SyncIQ policy last run failed: source snapshot could not be created",
  "Target cluster unreachable over the SyncIQ subnet",
];

function leaf(
  path: LeafPlan["path"],
  id: string,
  name: string,
  rng: Rng,
  minS: number,
  maxS: number,
  outcome: StepOutcome,
  info: string,
): LeafPlan {
  return {
    path,
    label: { id, name },
    durationMs: rng.int(minS * 1000, maxS * 1000),
    outcome,
    info,
    halts: false,
  };
}

/** Every zone, then every policy in it, then the per-policy checks: zones come out OK, WARNING or ERROR. */
export function createReadinessJob(
  id: string,
  submittedAt: number,
  rng: Rng,
  pace: Pace,
  durationMs?: number,
): CheckJob {
  const plan: LeafPlan[] = [];
  for (const pair of PAIRS) {
    for (const zone of pair.zones) {
      const zoneLabel = { id: `${id}-${zone.id}`, name: zone.name };
      zone.issues.forEach((issue, n) => {
        plan.push(
          leaf(
            [zoneLabel],
            `${id}-${zone.id}-issue${n}`,
            issue.check,
            rng,
            1,
            4,
            issue.status,
            issue.reason,
          ),
        );
      });
      for (const policy of zone.policies) {
        const path = [zoneLabel, { id: `${id}-${policy.id}`, name: policy.name }];
        for (const [key, name] of READINESS_CHECKS) {
          const broken = key === "last-run" && rng.chance(0.04);
          const outcome: StepOutcome = broken ? "ERROR" : "SUCCESS";
          const info = broken ? rng.pick(RARE_READINESS_ERRORS) : "OK";
          plan.push(leaf(path, `${id}-${policy.id}-${key}`, name, rng, 1, 6, outcome, info));
        }
      }
    }
  }
  return {
    id,
    name: "Zone Readiness",
    plan: durationMs ? scalePlan(plan, durationMs) : pacePlan(plan, pace),
    epilogue: [],
    submittedAt,
    immediate: true,
    stop: null,
  };
}

const REPLICATION_WARNINGS = [
  "Share 'projects$' exists on target with a different path; skipped",
  "NFS export /ifs/data/builds has a client list conflict on target; skipped",
];

/** One configuration replication pass: per cluster pair, per SyncIQ policy. */
export function createReplicationJob(
  id: string,
  submittedAt: number,
  rng: Rng,
  pace: Pace,
  durationMs?: number,
): CheckJob {
  const plan: LeafPlan[] = [];
  for (const pair of PAIRS) {
    const path = [
      { id: `${id}-${pair.production.id}`, name: `${pair.production.name} -> ${pair.dr.name}` },
    ];
    for (const zone of pair.zones) {
      for (const policy of zone.policies) {
        const roll = rng.next();
        const outcome: StepOutcome = roll < 0.02 ? "ERROR" : roll < 0.08 ? "WARNING" : "SUCCESS";
        const info =
          outcome === "ERROR"
            ? "Target cluster API timed out"
            : outcome === "WARNING"
              ? rng.pick(REPLICATION_WARNINGS)
              : "Configuration replicated";
        plan.push(
          leaf(
            path,
            `${id}-${policy.id}`,
            `Replicate configuration: ${policy.name}`,
            rng,
            2,
            10,
            outcome,
            info,
          ),
        );
      }
    }
  }
  return {
    id,
    name: "Configuration Replication",
    plan: durationMs ? scalePlan(plan, durationMs) : pacePlan(plan, pace),
    epilogue: [],
    submittedAt,
    immediate: true,
    stop: null,
  };
}

/** The job's root node as GET /v2/jobs/readiness/{id} (or replication) returns it. */
export function renderCheckJob(p: Placed<CheckJob>, now: number, opts: RenderOptions): StepNode {
  const { job, timeline } = p;
  const phase = jobPhase(timeline, p.start, now);
  const children = renderSteps(timeline, now, opts);
  const base = { childrenDetails: children, id: job.id, name: job.name };
  if (phase === "pending")
    return { ...base, finished: 0, info: "Queued", started: 0, state: "PENDING", status: "INFO" };
  const started = wireTime(timeline.start, opts.timeUnit);
  if (phase === "running")
    return { ...base, finished: 0, info: "In progress", started, state: "RUNNING", status: "INFO" };
  const outcome = timeline.stoppedBy
    ? "ERROR"
    : worstOutcome(timeline.leaves.map((l) => l.outcome));
  const problems = timeline.leaves.filter((l) => l.outcome !== "SUCCESS").length;
  const info = timeline.stoppedBy
    ? (timeline.stopInfo ?? "Stopped")
    : problems
      ? `${problems} check(s) reported problems`
      : "All checks passed";
  return {
    ...base,
    finished: wireTime(timeline.end, opts.timeUnit),
    info,
    started,
    state: "FINISHED",
    status: outcome === "SUCCESS" ? opts.okWord : outcome,
  };
}
