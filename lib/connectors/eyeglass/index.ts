import { z } from "zod";
import { VendorError } from "@/lib/connectors/errors";
import type { Connector, ConnectorFactory } from "@/lib/connectors/types";
import { eyeglassCapabilities, launchEyeglassJob, performEyeglassAction } from "./actions";
import { EyeglassClient } from "./client";
import { EYEGLASS_LAUNCHES } from "./launch-operations";
import { checkJobSchema, failoverJobSchema } from "./schemas";
import { getEyeglassJob, listEyeglassChanges } from "./sync";

/** Source options for Eyeglass (SourceConfig.options). */
export const eyeglassOptionsSchema = z.object({
  /** Cluster names or ids that are production sites: a failover onto one of them is a failback. */
  productionClusters: z.array(z.string()).default([]),
});

export const createEyeglassConnector: ConnectorFactory = (config): Connector => {
  const options = eyeglassOptionsSchema.safeParse(config.options);
  if (!options.success) {
    throw new VendorError(
      `${config.name}: invalid Eyeglass source options: ${options.error.issues[0]?.message ?? "invalid"}`,
      "config",
      false,
    );
  }
  const client = new EyeglassClient(config);
  const mapOptions = options.data;
  return {
    kind: "eyeglass",
    listChanged: (cursor, signal) => listEyeglassChanges(client, mapOptions, cursor, signal),
    getJob: (vendorId, signal) => getEyeglassJob(client, mapOptions, vendorId, signal),
    perform: (job, request, signal) => performEyeglassAction(client, job, request, signal),
    capabilities: eyeglassCapabilities,
    launchOperations: EYEGLASS_LAUNCHES.map((op) => ({
      operation: op.operation,
      label: op.label,
      role: op.role,
      risk: op.risk,
      params: op.params,
      description: op.description,
    })),
    launch: (request, signal) => launchEyeglassJob(client, request, signal),
    async testConnection(signal) {
      const failovers = await client.get(
        "v2/jobs/failover",
        z.array(failoverJobSchema),
        "list failover jobs",
        signal,
        { state: "running" },
      );
      const readiness = await client.get(
        "v2/jobs/readiness",
        z.array(checkJobSchema),
        "list readiness jobs",
        signal,
      );
      return `Eyeglass answered: ${failovers.data.length} failover job(s) running or queued, ${readiness.data.length} recent readiness job(s)`;
    },
  };
};
