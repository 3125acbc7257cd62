import { VendorError } from "@/lib/connectors/errors";
import type { Connector, ConnectorFactory } from "@/lib/connectors/types";
import { performOntapAction, ontapCapabilities } from "./actions";
import { OntapClient } from "./client";
import { mapOntapJob } from "./map";
import { ontapOptionsSchema } from "./schemas";
import { listOntapChanges } from "./sync";

/** NetApp ONTAP REST (/api/cluster/jobs) behind the Connector interface. */
export const createOntapConnector: ConnectorFactory = (config): Connector => {
  const options = ontapOptionsSchema.safeParse(config.options);
  if (!options.success) {
    throw new VendorError(
      `${config.name}: invalid ONTAP options: ${options.error.issues[0]?.message ?? "invalid"}`,
      "config",
      false,
    );
  }
  const client = new OntapClient(config);
  return {
    kind: "ontap",
    listChanged: (cursor, signal) =>
      listOntapChanges(client, options.data.pageSize, config.timeoutMs, cursor, signal),
    getJob: async (vendorId, signal) => {
      const job = await client.getJob(vendorId, signal);
      return job ? mapOntapJob(job) : null;
    },
    perform: (job, request, signal) => performOntapAction(client, job, request, signal),
    capabilities: ontapCapabilities,
    testConnection: async (signal) => {
      const count = await client.count(signal);
      return `ONTAP answered: ${count} ${count === 1 ? "job" : "jobs"}`;
    },
  };
};
