import { validateReply } from "@/lib/connectors/http/parse-reply";
import type { Connector, ConnectorFactory } from "@/lib/connectors/types";
import {
  DFM_LAUNCH_OPERATIONS,
  dfmCapabilities,
  launchDfmOperation,
  performDfmAction,
} from "./actions";
import { DfmClient } from "./client";
import { eventsForJobs, listJobs } from "./fetch";
import { mapJob } from "./map";
import { dfmOptionsSchema, iterStartSchema, lastChangedSchema } from "./schemas";
import { syncDfm } from "./sync";

/** NetApp DFM / Protection Manager through its dp-job ZAPI (API 3.6R2). */
export const createDfmConnector: ConnectorFactory = (config): Connector => {
  const options = dfmOptionsSchema.parse(config.options);
  const client = new DfmClient(config, options);
  return {
    kind: "dfm",
    listChanged: (cursor, signal) => syncDfm(client, options, cursor, signal),
    async getJob(vendorId, signal) {
      if (!/^\d+$/.test(vendorId)) return null;
      const [job] = await listJobs(client, { "job-id": vendorId }, signal);
      if (!job) return null;
      const events = await eventsForJobs(client, [job.value], 1, signal);
      return mapJob(job, events.get(job.value["job-id"]) ?? [], client.lastServerTimeSec);
    },
    perform: (job, request, signal) => performDfmAction(client, job, request, signal),
    capabilities: dfmCapabilities,
    async testConnection(signal) {
      const stamp = await client.call(
        "dp-job-schedule-get-last-changed",
        {},
        { idempotent: true, signal },
      );
      const changed = validateReply(
        stamp.results,
        lastChangedSchema,
        "dp-job-schedule-get-last-changed",
      )["last-changed-timestamp"];
      const start = await client.call(
        "dp-job-list-iter-start",
        { "max-jobs": "0" },
        { idempotent: true, signal },
      );
      const { records, tag } = validateReply(
        start.results,
        iterStartSchema,
        "dp-job-list-iter-start",
      );
      await client.call("dp-job-list-iter-end", { tag }, { idempotent: true, signal });
      return `DFM dp-job API answered: ${records} jobs on record, schedule last changed ${new Date(changed * 1000).toISOString()}`;
    },
    launchOperations: DFM_LAUNCH_OPERATIONS,
    launch: (request, signal) => launchDfmOperation(client, request, signal),
  };
};
