import type { ClusterNode, Policy, ReadinessIssue, Zone } from "./topology";

type ReadinessStatus = "OK" | "WARNING" | "ERROR";

function status(issues: readonly ReadinessIssue[]): ReadinessStatus {
  if (issues.some((i) => i.status === "ERROR")) return "ERROR";
  return issues.length > 0 ? "WARNING" : "OK";
}

function detail(issues: readonly ReadinessIssue[]) {
  return issues.map((i) => ({
    name: i.check,
    reason: i.reason,
    status: { status: i.status },
    statusChildren: [],
  }));
}

function zoneJson(zone: Zone) {
  return {
    failoverReadiness: { status: status(zone.issues) },
    id: zone.id,
    name: zone.name,
    readinessDetail: detail(zone.issues),
  };
}

/** The job model's failoverTarget: what is being failed over and how ready it looked at submission. */
export function failoverTargetJson(zone: Zone, policies: readonly Policy[], target: ClusterNode) {
  return {
    policies: policies.map((p) => ({
      failoverReadiness: { status: "OK" },
      id: p.id,
      name: p.name,
      readinessDetail: [],
      target: { ...target },
      zone: zoneJson(zone),
    })),
    zone: zoneJson(zone),
  };
}
