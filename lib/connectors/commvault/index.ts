import { VendorProtocolError } from "@/lib/connectors/errors";
import type { ConnectorFactory } from "@/lib/connectors/types";
import { commvaultCapabilities, performCommvaultAction } from "./actions";
import { CommvaultClient } from "./client";
import { mapCommvaultJob } from "./map";
import { parseCommvaultOptions } from "./options";
import { groupByJob, listCommvaultChanges } from "./sync";

/** Commvault DR orchestration: DR group JobStats for phases, the Job Manager for state and actions. */
export const createCommvaultConnector: ConnectorFactory = (config) => {
  const client = new CommvaultClient(config, parseCommvaultOptions(config.options));
  return {
    kind: "commvault",
    listChanged: (cursor, signal) => listCommvaultChanges(client, cursor, signal),
    async getJob(vendorId, signal) {
      if (!/^\d+$/.test(vendorId)) return null;
      const [pairs, summary] = await Promise.all([
        client.jobStats({ jobId: vendorId }, signal),
        client.jobSummary(vendorId, signal),
      ]);
      if (pairs.bad.length > 0)
        throw new VendorProtocolError(pairs.bad[0]?.reason ?? "unreadable JobStats pair");
      const mine = groupByJob(pairs.good.map((g) => g.value)).get(vendorId) ?? [];
      if (mine.length === 0 && !summary) return null;
      return mapCommvaultJob(vendorId, mine, summary);
    },
    perform: (job, request, signal) => performCommvaultAction(client, job, request, signal),
    capabilities: commvaultCapabilities,
    async testConnection(signal) {
      const { good } = await client.jobStats({}, signal);
      const pairs = good.map((g) => g.value);
      return `Logged in to Commvault; DR JobStats lists ${groupByJob(pairs).size} jobs across ${pairs.length} replication pairs`;
    },
    close: () => client.logout(),
  };
};
