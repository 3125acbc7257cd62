import type { Rng } from "@/lib/simulators/engine/rng";
import type { LeafPlan, StepLabel, StepOutcome } from "./timeline";
import type { Policy, ReadinessIssue } from "./topology";

/** The nine documented boolean options of POST /v2/jobs/failover. */
export const FAILOVER_FLAGS = [
  "controlled",
  "datasync",
  "configsync",
  "resyncprep",
  "disablemirror",
  "quotasync",
  "blockonwarnings",
  "rollbackrenamedshares",
  "smbdataintegrity",
] as const;
export type FailoverFlag = (typeof FAILOVER_FLAGS)[number];
export type FailoverFlags = Record<FailoverFlag, boolean>;

/** The step group whose end restores service: RTO is measured from job start to its end. */
export const WRITABLE_GROUP = "make-writable";

export interface PlanSpec {
  mode: "failover" | "drtest-enter" | "drtest-exit" | "rehearsal-enter" | "rehearsal-exit";
  scope: "zone" | "policy" | "pool";
  zoneName: string;
  policies: Policy[];
  pool: string | null;
  flags: FailoverFlags;
  issues: ReadinessIssue[];
}

/** How a generated job goes wrong, if it does. */
export type Fate = "success" | "warning" | "failed" | "partial";

const g = (id: string, name: string): StepLabel => ({ id, name });

class PlanBuilder {
  readonly leaves: LeafPlan[] = [];
  constructor(private readonly rng: Rng) {}
  add(
    path: StepLabel[],
    id: string,
    name: string,
    minS: number,
    maxS: number,
    outcome: StepOutcome = "SUCCESS",
    info = "",
  ): void {
    const durationMs = this.rng.int(minS * 1000, maxS * 1000);
    this.leaves.push({
      path,
      label: g(id, name),
      durationMs,
      outcome,
      info: info || (outcome === "SUCCESS" ? "Completed" : ""),
      halts: true,
    });
  }
}

function readinessSteps(b: PlanBuilder, spec: PlanSpec): void {
  const grp = [g("readiness", "Readiness validation")];
  b.add(grp, "readiness-policies", "Validate SyncIQ policies", 4, 12);
  b.add(grp, "readiness-target", "Check target cluster connectivity", 2, 6);
  const findings = spec.issues.map((i) => `${i.check}: ${i.reason}`).join("; ");
  const errors = spec.issues.some((i) => i.status === "ERROR");
  if (spec.issues.length === 0) b.add(grp, "readiness-zone", "Check failover readiness", 3, 10);
  else if (errors || spec.flags.blockonwarnings) {
    const why = errors ? "readiness errors" : "readiness warnings (blockonwarnings=true)";
    b.add(
      grp,
      "readiness-zone",
      "Check failover readiness",
      3,
      10,
      "ERROR",
      `Failover blocked by ${why}: ${findings}`,
    );
  } else b.add(grp, "readiness-zone", "Check failover readiness", 3, 10, "WARNING", findings);
}

function syncSteps(b: PlanBuilder, spec: PlanSpec): void {
  if (spec.flags.configsync) {
    const grp = [g("configsync", "Configuration sync")];
    b.add(grp, "configsync-shares", "Replicate SMB shares", 5, 20);
    b.add(grp, "configsync-exports", "Replicate NFS exports", 5, 15);
    b.add(grp, "configsync-aliases", "Replicate NFS aliases", 2, 8);
  }
  if (spec.flags.datasync) {
    const grp = [g("datasync", "Data sync")];
    for (const p of spec.policies)
      b.add(grp, `datasync-${p.id}`, `Run final incremental sync: ${p.name}`, 30, 180);
  }
}

function writableSteps(b: PlanBuilder, spec: PlanSpec, prefix: string): void {
  const grp = [g(WRITABLE_GROUP, "Make target writable")];
  for (const p of spec.policies) b.add(grp, `writable-${p.id}`, `${prefix}: ${p.name}`, 15, 60);
}

function failoverSteps(b: PlanBuilder, spec: PlanSpec): void {
  readinessSteps(b, spec);
  if (spec.flags.smbdataintegrity) {
    const grp = [g("smb-integrity", "SMB data integrity")];
    b.add(grp, "smb-block", "Block SMB client access on source shares", 5, 15);
    b.add(grp, "smb-disconnect", "Disconnect SMB sessions on source", 5, 20);
  }
  if (spec.flags.controlled) {
    const grp = [g("source-ops", "Source cluster operations")];
    b.add(grp, "source-rename-shares", "Rename SMB shares on source", 5, 20);
    b.add(grp, "source-remove-aliases", "Remove SmartConnect aliases on source", 3, 10);
    b.add(grp, "source-disable-schedules", "Disable SyncIQ policy schedules on source", 3, 10);
  }
  syncSteps(b, spec);
  writableSteps(b, spec, "Allow writes on target");
  const net = [g("networking", "Networking")];
  if (spec.scope === "pool" && spec.pool)
    b.add(net, "net-pool", `Move IP pool ${spec.pool}`, 10, 30);
  b.add(net, "net-aliases", "Move SmartConnect zone aliases", 5, 20);
  if (spec.scope !== "policy") b.add(net, "net-spn", "Update SPNs in Active Directory", 5, 15);
  if (spec.flags.quotasync) {
    const grp = [g("quotasync", "Quota sync")];
    for (const p of spec.policies)
      b.add(grp, `quota-${p.id}`, `Fail over quotas: ${p.name}`, 5, 30);
  }
  if (spec.flags.resyncprep) {
    const grp = [g("resyncprep", "Resync prep")];
    for (const p of spec.policies)
      b.add(grp, `resync-${p.id}`, `Resync prep (create mirror policy): ${p.name}`, 20, 90);
  }
  if (spec.flags.disablemirror) {
    const grp = [g("mirror", "Mirror policies")];
    for (const p of spec.policies)
      b.add(grp, `mirror-${p.id}`, `Disable mirror policy: ${p.name}_mirror`, 2, 8);
  }
  b.add([g("post", "Post-failover")], "post-inventory", "Refresh Eyeglass inventory", 5, 20);
}

function drTestSteps(b: PlanBuilder, spec: PlanSpec, enter: boolean): void {
  readinessSteps(b, spec);
  syncSteps(b, spec);
  if (enter) {
    writableSteps(b, spec, "Allow writes for DR test");
    b.add(
      [g("drtest", "Enter DR test mode")],
      "drtest-mark",
      "Mark policy as in DR test mode",
      2,
      6,
    );
  } else {
    const grp = [g("drtest", "Exit DR test mode")];
    for (const p of spec.policies)
      b.add(grp, `readonly-${p.id}`, `Resync prep (make target read-only): ${p.name}`, 20, 90);
    b.add(grp, "drtest-unmark", "Clear DR test mode", 2, 6);
  }
}

function rehearsalSteps(b: PlanBuilder, spec: PlanSpec, enter: boolean): void {
  readinessSteps(b, spec);
  const grp = [g("rehearsal", enter ? "Enter rehearsal mode" : "Exit rehearsal mode")];
  if (enter) {
    for (const p of spec.policies)
      b.add(grp, `snap-${p.id}`, `Create rehearsal snapshot: ${p.name}`, 5, 20);
    writableSteps(b, spec, "Allow writes for rehearsal");
    b.add(
      [g("rehearsal-shares", "Rehearsal access")],
      "rehearsal-shares-create",
      "Create rehearsal shares and exports",
      5,
      20,
    );
  } else {
    b.add(grp, "rehearsal-shares-remove", "Remove rehearsal shares and exports", 5, 20);
    for (const p of spec.policies)
      b.add(grp, `revert-${p.id}`, `Revert target to snapshot: ${p.name}`, 10, 60);
  }
}

const FAILURES = [
  "SyncIQ job failed: target directory is locked by another policy",
  "Cluster API request timed out after 300s",
  "Share rename failed: share is in use by a DFS referral",
  "SmartConnect update failed: DNS delegation not found",
];

/** Applies a fate to one step after readiness: generated history needs failures that look real. */
function applyFate(leaves: LeafPlan[], fate: Fate, rng: Rng): void {
  const candidates = leaves.filter((l) => l.path[0]?.id !== "readiness" && l.outcome === "SUCCESS");
  if (fate === "success" || candidates.length === 0) return;
  if (fate === "partial") {
    const writable = candidates.filter((l) => l.path[0]?.id === WRITABLE_GROUP);
    const victim = writable.length > 1 ? rng.pick(writable) : null;
    if (victim) {
      Object.assign(victim, {
        outcome: "ERROR",
        halts: false,
        info: "Allow writes failed: SyncIQ target is not in a failover-ready state",
      });
      return;
    }
  }
  const victim = rng.pick(candidates);
  if (fate === "warning")
    Object.assign(victim, {
      outcome: "WARNING",
      halts: false,
      info: "Completed with warnings: 2 shares skipped (already present on target)",
    });
  else Object.assign(victim, { outcome: "ERROR", info: rng.pick(FAILURES) });
}

export function buildFailoverPlan(
  spec: PlanSpec,
  fate: Fate,
  rng: Rng,
): { plan: LeafPlan[]; epilogue: LeafPlan[] } {
  const b = new PlanBuilder(rng);
  if (spec.mode === "failover") failoverSteps(b, spec);
  else if (spec.mode === "drtest-enter" || spec.mode === "drtest-exit")
    drTestSteps(b, spec, spec.mode === "drtest-enter");
  else rehearsalSteps(b, spec, spec.mode === "rehearsal-enter");
  applyFate(b.leaves, fate, rng);
  const epilogue: LeafPlan[] = [];
  if (spec.flags.rollbackrenamedshares) {
    epilogue.push({
      path: [g("rollback", "Rollback")],
      label: g("rollback-shares", "Rollback renamed shares"),
      durationMs: rng.int(10_000, 30_000),
      outcome: "SUCCESS",
      info: "Renamed shares restored on source",
      halts: false,
    });
  }
  return { plan: b.leaves, epilogue };
}

/** A failover that fails at its service-restoring step, for scripted history. */
export function failWritable(plan: LeafPlan[]): void {
  const victim = plan.find((l) => l.path[0]?.id === WRITABLE_GROUP);
  if (victim)
    Object.assign(victim, {
      outcome: "ERROR",
      halts: true,
      info: "Allow writes failed: SyncIQ target is not in a failover-ready state",
    });
}
