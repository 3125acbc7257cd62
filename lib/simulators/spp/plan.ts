import type { Pace } from "@/lib/simulators/engine/clock";
import type { Rng } from "@/lib/simulators/engine/rng";

/** The three `type` values /api/progress documents for its filter. */
export type ProgressType = "HYPERVISORVM" | "INSTANCES" | "DATABASE";
export type ResourceOutcome = "complete" | "partial" | "failed";

/** One protected object (VM, database, mailbox) inside a job session: one /api/progress summary. */
export interface ResourcePlan {
  name: string;
  pk: string;
  location: string;
  sizeBytes: number;
  /** From the moment the session leaves the queue. */
  offsetMs: number;
  durationMs: number;
  outcome: ResourceOutcome;
  /** Failed resources stop this far through their duration. */
  failFraction: number;
  vmdkCount: number;
  phases: readonly string[];
  /** Slow-moving wobble so throughput looks alive without breaking determinism. */
  wobble: number;
}

export interface StopPlan {
  at: number;
  kind: "cancel" | "fail";
  catalogCompletedObjects: boolean;
  reason: string;
}

/** Everything about a job session is fixed when it is created; its state is computed from the clock. */
export interface SessionPlan {
  id: string;
  startMs: number;
  queueMs: number;
  jobId: string;
  jobName: string;
  subPolicyType: string;
  serviceId: string;
  progressType: ProgressType;
  resourceType: string;
  proxy: string;
  vsnap: string;
  resources: ResourcePlan[];
  stop: StopPlan | null;
}

interface JobDefinition {
  jobId: string;
  jobName: string;
  subPolicyType: string;
  serviceId: string;
  progressType: ProgressType;
  resourceType: string;
  location: string;
  phases: readonly string[];
  names: readonly string[];
}

const VM_PHASES = ["Creating snapshot", "Transferring data", "Cataloging"] as const;
const DB_PHASES = [
  "Preparing database",
  "Transferring data",
  "Truncating logs",
  "Cataloging",
] as const;

export const JOB_DEFINITIONS: readonly JobDefinition[] = [
  {
    jobId: "1096",
    jobName: "vmware_Gold",
    subPolicyType: "VMWARE",
    serviceId: "serviceprovider.protection.hypervisor",
    progressType: "HYPERVISORVM",
    resourceType: "vm",
    location: "/vcenter-dallas1.example.invalid/Production",
    phases: VM_PHASES,
    names: [
      "Service-Dallas",
      "web-01",
      "web-02",
      "app-billing",
      "app-crm",
      "dc-01",
      "jump-01",
      "k8s-node-3",
      "gitlab",
      "mail-relay",
    ],
  },
  {
    jobId: "1102",
    jobName: "hyperv_Silver",
    subPolicyType: "HYPERV",
    serviceId: "serviceprovider.protection.hypervisor",
    progressType: "HYPERVISORVM",
    resourceType: "vm",
    location: "/hyperv-cluster2.example.invalid/Finance",
    phases: VM_PHASES,
    names: ["fin-erp-01", "fin-erp-02", "fin-report", "fin-sftp", "hr-portal", "print-01"],
  },
  {
    jobId: "2001",
    jobName: "sql_Daily",
    subPolicyType: "SQL",
    serviceId: "serviceprovider.protection.application",
    progressType: "DATABASE",
    resourceType: "database",
    location: "/sqlprod01.example.invalid/MSSQLSERVER",
    phases: DB_PHASES,
    names: ["OrdersDB", "InventoryDB", "ReportServer", "SharePoint_Content", "msdb", "HRDB"],
  },
  {
    jobId: "2010",
    jobName: "oracle_Hourly",
    subPolicyType: "ORACLE",
    serviceId: "serviceprovider.protection.application",
    progressType: "DATABASE",
    resourceType: "database",
    location: "/orahost02.example.invalid/ORCL",
    phases: DB_PHASES,
    names: ["ORCLCDB", "SALESPDB", "LEDGERPDB"],
  },
  {
    jobId: "3005",
    jobName: "office365_Mail",
    subPolicyType: "OFFICE365",
    serviceId: "serviceprovider.protection.application",
    progressType: "INSTANCES",
    resourceType: "mailbox",
    location: "/office365/example.onmicrosoft.com",
    phases: ["Exporting items", "Transferring data"],
    names: [
      "alice@example.com",
      "bob@example.com",
      "carol@example.com",
      "dave@example.com",
      "erin@example.com",
    ],
  },
];

const GB = 1_000_000_000;

export interface PlanOverrides {
  durationMs?: number;
  definition?: JobDefinition;
  queueMs?: number;
}

/** A realistic job session starting at `startMs`; all randomness comes from `rng`. */
export function planSession(
  id: string,
  startMs: number,
  rng: Rng,
  overrides: PlanOverrides = {},
): SessionPlan {
  const def = overrides.definition ?? rng.pick(JOB_DEFINITIONS);
  const count =
    overrides.durationMs === undefined
      ? rng.int(2, Math.min(7, def.names.length))
      : Math.min(3, def.names.length);
  const names = pickDistinct(def.names, count, rng);
  const streams = 3;
  const free = Array.from({ length: streams }, () => 0);
  const resources = names.map((name, i): ResourcePlan => {
    const slot = free.indexOf(Math.min(...free));
    const durationMs =
      overrides.durationMs !== undefined
        ? Math.round(overrides.durationMs * (1 - i * 0.15))
        : rng.int(3, 22) * 60_000 + rng.int(0, 59_000);
    const offsetMs = overrides.durationMs !== undefined ? 0 : (free[slot] ?? 0);
    free[slot] = offsetMs + durationMs;
    const roll = rng.next();
    const outcome: ResourceOutcome =
      overrides.durationMs !== undefined
        ? "complete"
        : roll < 0.02
          ? "failed"
          : roll < 0.05
            ? "partial"
            : "complete";
    const vmdkCount = def.progressType === "HYPERVISORVM" ? rng.int(1, 4) : 1;
    return {
      name,
      pk: rng.hex(32),
      location: `${def.location}/${name}`,
      sizeBytes: rng.int(2, 180) * GB + rng.int(0, GB - 1),
      offsetMs,
      durationMs,
      outcome:
        outcome === "partial" && vmdkCount === 1 && def.progressType === "HYPERVISORVM"
          ? "complete"
          : outcome,
      failFraction: 0.2 + rng.next() * 0.6,
      vmdkCount,
      phases: def.phases,
      wobble: rng.next() * Math.PI * 2,
    };
  });
  return {
    id,
    startMs,
    queueMs: overrides.queueMs ?? (rng.chance(0.3) ? rng.int(30, 300) * 1000 : 0),
    jobId: def.jobId,
    jobName: def.jobName,
    subPolicyType: def.subPolicyType,
    serviceId: def.serviceId,
    progressType: def.progressType,
    resourceType: def.resourceType,
    proxy: `10.0.1.${rng.int(10, 40)}`,
    vsnap: `10.0.2.${rng.int(10, 20)}`,
    resources,
    stop: null,
  };
}

function pickDistinct<T>(items: readonly T[], count: number, rng: Rng): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) {
    const index = rng.int(0, pool.length - 1);
    const [item] = pool.splice(index, 1);
    if (item !== undefined) out.push(item);
  }
  return out;
}

/** When the session's last resource would finish if nothing stopped it. */
export function naturalEndMs(plan: SessionPlan): number {
  const runStart = plan.startMs + plan.queueMs;
  const ends = plan.resources.map((r) => runStart + r.offsetMs + resourceRunMs(r));
  return Math.max(runStart, ...ends);
}

/** How long a resource actually works: failing ones stop part-way. */
export function resourceRunMs(r: ResourcePlan): number {
  return r.outcome === "failed" ? Math.round(r.durationMs * r.failFraction) : r.durationMs;
}

/** A session at the appliance's pace: its queue wait and every resource's run N times shorter at speed N. */
export function paceSession(plan: SessionPlan, pace: Pace): SessionPlan {
  if (pace.speed === 1) return plan;
  plan.queueMs = pace.span(plan.queueMs);
  plan.resources = plan.resources.map((r) => ({
    ...r,
    offsetMs: pace.span(r.offsetMs),
    durationMs: pace.span(r.durationMs),
  }));
  return plan;
}
