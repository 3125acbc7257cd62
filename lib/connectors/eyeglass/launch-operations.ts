import { z } from "zod";
import type { LaunchOperation } from "@/lib/connectors/types";

const flag = (meaning: string) => z.boolean().optional().describe(meaning);
const sourceid = z.string().min(1).describe("ID of the source node for this job.");
const targetid = z.string().min(1).describe("ID of the target node for this job.");
const failovertarget = z
  .string()
  .min(1)
  .describe(
    "ID of the access zone to failover OR IDs of SyncIQ policies (comma separated) to failover.",
  );
const pool = z
  .string()
  .regex(/^[^:\s]+:[^:\s]+:[^:\s]+$/, "format is groupName:subnetName:poolName")
  .optional()
  .describe(
    "Pool name in case of pool failover. The name format is groupName:subnetName:poolName.",
  );

export const failoverParams = z.object({
  sourceid,
  targetid,
  failovertarget,
  pool,
  controlled: flag(
    "Execute a controlled failover by running operations against the source cluster as well as the target.",
  ),
  datasync: flag("Run the final incremental data sync before failover."),
  configsync: flag("Run a configuration sync before failover."),
  resyncprep: flag("Run resync prep on the source cluster to create the mirror policies."),
  disablemirror: flag("Disable mirror policies created on the failover target."),
  quotasync: flag("Run quota jobs to failover quotas to target."),
  blockonwarnings: flag("Block failover on warnings."),
  rollbackrenamedshares: flag("Rollback renamed shares on failure."),
  smbdataintegrity: flag("SMB data integrity failover."),
});

export const drTestParams = z.object({
  enable: z
    .boolean()
    .describe(
      "True = Make target writable (Enter DR test mode). False = Make target read-only (Exit DR test mode).",
    ),
  configsync: flag("Run a configuration while DR test job."),
  datasync: flag("Run policy while DR test job."),
  policy: z
    .string()
    .min(1)
    .describe("DR testing policy id (as retrieved with /nodes/{id}/policies GET)."),
});

export const rehearsalParams = z.object({
  enable: z.boolean().describe("Enable or disable (=false) the rehearsal mode."),
  sourceid,
  targetid,
  failovertarget,
  pool,
});

const none = z.object({});

/** What the operator may start on an Eyeglass appliance; each maps to one POST of the v2 jobs API. */
export const EYEGLASS_LAUNCHES: readonly (LaunchOperation & { path: string })[] = [
  {
    operation: "readiness",
    label: "Run readiness check",
    role: "operator",
    risk: "low",
    params: none,
    description: "Run a zone readiness job (POST /v2/jobs/readiness).",
    path: "v2/jobs/readiness",
  },
  {
    operation: "replication",
    label: "Run configuration replication",
    role: "operator",
    risk: "low",
    params: none,
    description: "Run a configuration replication job (POST /v2/jobs/replication).",
    path: "v2/jobs/replication",
  },
  {
    operation: "failover",
    label: "Launch failover",
    role: "admin",
    risk: "high",
    params: failoverParams,
    description:
      "Launch a new failover job in Eyeglass: moves the access zone or SyncIQ policies to the target cluster.",
    path: "v2/jobs/failover",
  },
  {
    operation: "drtest",
    label: "Enter/exit DR test mode",
    role: "admin",
    risk: "high",
    params: drTestParams,
    description:
      "Enter/Exit DR test mode for a given policy: makes its target writable (enter) or read-only again (exit).",
    path: "v2/jobs/failover/drtest",
  },
  {
    operation: "rehearsal",
    label: "Enter/exit rehearsal mode",
    role: "admin",
    risk: "high",
    params: rehearsalParams,
    description:
      "Launch a new rehearsal job in Eyeglass: enables or disables (enable=false) the rehearsal mode.",
    path: "v2/jobs/failover/rehearsal",
  },
];
