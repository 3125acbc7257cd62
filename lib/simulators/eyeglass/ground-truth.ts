import type { GroundTruthJob } from "@/lib/simulators/engine/simulator";
import { renderCheckJob } from "./check-jobs";
import type { EyeglassEstate } from "./estate";
import { renderFailover } from "./failover-jobs";
import { isBrokenFailover } from "./scenario";

/** Jobs as the three v2 lists show them now; the state word and status joined as Jobdeck keeps them. */
export function eyeglassGroundTruth(estate: EyeglassEstate): GroundTruthJob[] {
  const now = estate.now();
  const word = (state: string, status: string) => [state, status].filter(Boolean).join("/");
  const failoverOpts = {
    ...estate.renderOptions("failover"),
    cancelledStatus: estate.scenario.cancelledStatus,
  };
  const failovers = estate.placedFailovers(now).map((p): GroundTruthJob => {
    const root = renderFailover(p, now, failoverOpts).jobStatusDetails;
    return {
      vendorId: `failover:${p.job.id}`,
      vendorState: word(root.state, root.status),
      final: root.state === "FINISHED",
      broken: isBrokenFailover(estate.scenario, p.job.id),
    };
  });
  const checks = (["readiness", "replication"] as const).flatMap((family) => {
    const placed =
      family === "readiness" ? estate.placedReadiness(now) : estate.placedReplication(now);
    return placed.map((p): GroundTruthJob => {
      const node = renderCheckJob(p, now, estate.renderOptions(family));
      return {
        vendorId: `${family}:${p.job.id}`,
        vendorState: word(node.state, node.status),
        final: node.state === "FINISHED",
      };
    });
  });
  return [...failovers, ...checks];
}
