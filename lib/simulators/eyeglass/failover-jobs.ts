import { Pace } from "@/lib/simulators/engine/clock";
import type { Rng } from "@/lib/simulators/engine/rng";
import {
  buildFailoverPlan,
  failWritable,
  WRITABLE_GROUP,
  type Fate,
  type FailoverFlags,
  type PlanSpec,
} from "./failover-plan";
import { failoverTargetJson } from "./failover-target";
import type { PlannedJob, Placed } from "./planned-job";
import {
  jobPhase,
  renderLog,
  renderSteps,
  wireTime,
  type RenderOptions,
  type StepNode,
} from "./render";
import { fitTotal, fixServiceRestore, pacePlan, scalePlan } from "./timeline";
import type { ClusterNode, Policy, Zone } from "./topology";

export interface FailoverJob extends PlannedJob {
  jobType: string;
  source: ClusterNode;
  target: ClusterNode;
  failoverTarget: ReturnType<typeof failoverTargetJson>;
}

export interface FailoverRequest {
  mode: PlanSpec["mode"];
  scope: PlanSpec["scope"];
  source: ClusterNode;
  target: ClusterNode;
  zone: Zone;
  policies: Policy[];
  pool: string | null;
  flags: FailoverFlags;
}

export interface Timing {
  rtoMs?: number | null;
  totalMs?: number;
  /** Scale the whole plan to about this long (control endpoint). */
  durationMs?: number;
  failWritable?: boolean;
}

export const NO_FLAGS: FailoverFlags = {
  controlled: false,
  datasync: false,
  configsync: false,
  resyncprep: false,
  disablemirror: false,
  quotasync: false,
  blockonwarnings: false,
  rollbackrenamedshares: false,
  smbdataintegrity: false,
};

const SCOPE_LABEL = { zone: "Zone", policy: "Policy", pool: "Pool" } as const;

function describe(req: FailoverRequest): { name: string; jobType: string } {
  const what =
    req.scope === "zone" || req.scope === "pool"
      ? req.zone.name
      : req.policies.map((p) => p.name).join(",");
  const route = `${req.source.name} -> ${req.target.name}`;
  switch (req.mode) {
    case "failover":
      return {
        name: `${SCOPE_LABEL[req.scope]} failover ${what} ${route}`,
        jobType: `${req.scope}_failover`,
      };
    case "drtest-enter":
      return { name: `DR test enter ${what} ${route}`, jobType: "dr_test" };
    case "drtest-exit":
      return { name: `DR test exit ${what} ${route}`, jobType: "dr_test" };
    case "rehearsal-enter":
      return { name: `Rehearsal enter ${what} ${route}`, jobType: "rehearsal" };
    case "rehearsal-exit":
      return { name: `Rehearsal exit ${what} ${route}`, jobType: "rehearsal" };
  }
}

export function createFailoverJob(
  id: string,
  req: FailoverRequest,
  at: { submittedAt: number; immediate: boolean },
  fate: Fate,
  rng: Rng,
  timing: Timing = {},
  pace: Pace = new Pace(),
): FailoverJob {
  const spec: PlanSpec = { ...req, zoneName: req.zone.name, issues: req.zone.issues };
  const built = buildFailoverPlan(spec, fate, rng);
  // The appliance's own step lengths at its pace; a caller's explicit timings below are taken as given.
  let plan = pacePlan(built.plan, pace);
  if (timing.failWritable) failWritable(plan);
  if (timing.durationMs) plan = scalePlan(plan, timing.durationMs);
  if (timing.rtoMs) plan = fixServiceRestore(plan, WRITABLE_GROUP, timing.rtoMs);
  if (timing.totalMs) plan = fitTotal(plan, WRITABLE_GROUP, timing.totalMs);
  return {
    id,
    ...describe(req),
    plan,
    epilogue: pacePlan(built.epilogue, pace),
    submittedAt: at.submittedAt,
    immediate: at.immediate,
    stop: null,
    source: req.source,
    target: req.target,
    failoverTarget: failoverTargetJson(req.zone, req.policies, req.target),
  };
}

/** The job as GET /v2/jobs/failover/{id} returns it at `now` (keys in the doc's order). */
export function renderFailover(
  p: Placed<FailoverJob>,
  now: number,
  opts: RenderOptions & { cancelledStatus: string },
) {
  const { job, timeline } = p;
  const phase = jobPhase(timeline, p.start, now);
  const failed = timeline.stoppedBy !== null || timeline.leaves.some((l) => l.outcome === "ERROR");
  const warned = timeline.leaves.some((l) => l.outcome === "WARNING");
  const root: StepNode = {
    childrenDetails: renderSteps(timeline, now, opts),
    finished: 0,
    id: job.id,
    info: "",
    name: job.name,
    started: phase === "pending" ? 0 : wireTime(timeline.start, opts.timeUnit),
    state: "RUNNING",
    status: "INFO",
  };
  if (phase === "pending")
    Object.assign(root, {
      state: "PENDING",
      info: "Waiting for the running failover job to finish",
    });
  else if (phase === "running") root.info = "Failover in progress";
  else {
    root.state = "FINISHED";
    root.finished = wireTime(timeline.end, opts.timeUnit);
    if (timeline.stoppedBy === "cancel")
      Object.assign(root, { status: opts.cancelledStatus, info: timeline.stopInfo ?? "Cancelled" });
    else if (failed)
      Object.assign(root, {
        status: "ERROR",
        info: `Failover failed: ${timeline.stopInfo ?? "one or more policies failed"}`,
      });
    else if (warned)
      Object.assign(root, { status: "WARNING", info: "Failover completed with warnings" });
    else Object.assign(root, { status: "SUCCESS", info: "Failover completed successfully" });
  }
  return {
    failoverTarget: job.failoverTarget,
    finished: root.finished,
    id: job.id,
    jobStatusDetails: root,
    jobType: job.jobType,
    name: job.name,
    sourceNode: { ...job.source },
    started: root.started,
    success: phase === "finished" && !failed,
    targetNode: { ...job.target },
  };
}

export function failoverLog(p: Placed<FailoverJob>, now: number): string {
  const { timeline } = p;
  let outcome = "INFO  Failover job completed successfully";
  if (timeline.stoppedBy === "cancel") outcome = "WARN  Failover job cancelled by user";
  else if (timeline.stoppedBy !== null || timeline.leaves.some((l) => l.outcome === "ERROR"))
    outcome = "ERROR Failover job failed";
  return renderLog(`${p.job.name} (job ${p.job.id})`, timeline, now, outcome);
}
