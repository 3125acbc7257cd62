import { z } from "zod";
import type { Connector, ConnectorFactory } from "@/lib/connectors/types";
import { performSppAction, sppCapabilities } from "./actions";
import { SppClient } from "./client";
import { jobSessionPageSchema, jobSessionSchema } from "./schemas";
import { SppSync } from "./sync";

export { sppCancelParamsSchema } from "./actions";

/** Source options for SPP: the page size of every listing (SPP's default is 100). */
export const sppOptionsSchema = z.object({
  pageSize: z.number().int().min(1).max(1000).default(100),
});

export const createSppConnector: ConnectorFactory = (config): Connector => {
  const options = sppOptionsSchema.safeParse(config.options);
  const client = new SppClient(config);
  const sync = new SppSync(client, options.success ? options.data.pageSize : 100);
  return {
    kind: "spp",
    listChanged: (cursor, signal) => sync.listChanged(cursor, signal),
    getJob: (vendorId, signal) => sync.getJob(vendorId, signal),
    perform: (job, request, signal) => performSppAction(client, job, request, signal),
    capabilities: sppCapabilities,
    async testConnection(signal) {
      await client.login(signal);
      const page = await client.getJson(
        {
          method: "GET",
          path: "/api/endeavour/jobsession",
          query: {
            pageSize: "1",
            sort: JSON.stringify([{ property: "start", direction: "DESC" }]),
          },
        },
        jobSessionPageSchema,
        "job session list",
        signal,
      );
      const latest = jobSessionSchema.safeParse(page.sessions[0]).data;
      return `Logged in to IBM Spectrum Protect Plus as ${client.userName ?? "(unknown user)"}; latest job session: ${
        latest ? `${latest.jobName ?? latest.id} (${latest.status})` : "none"
      }`;
    },
    close: () => client.close(),
  };
};
