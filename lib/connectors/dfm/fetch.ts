import { VendorRefusedError } from "@/lib/connectors/errors";
import type { DfmClient, Listed } from "./client";
import { eventInfoSchema, jobInfoSchema, type DpEventInfo, type DpJobInfo } from "./schemas";
import type { ZapiArgs } from "./xml";

export function listJobs(client: DfmClient, args: ZapiArgs, signal?: AbortSignal): Promise<Array<Listed<DpJobInfo>>> {
  return client.iterate(
    { api: "dp-job-list-iter", args: { "max-jobs": "0", ...args }, arrayKey: "jobs", itemKey: "dp-job-info", item: jobInfoSchema },
    signal,
  );
}

export function listEvents(client: DfmClient, args: ZapiArgs, signal?: AbortSignal): Promise<Array<Listed<DpEventInfo>>> {
  return client.iterate(
    {
      api: "dp-job-progress-event-list-iter",
      args: { history: "true", ...args },
      arrayKey: "progress-events",
      itemKey: "dp-job-progress-event-info",
      item: eventInfoSchema,
    },
    signal,
  );
}

/** A refusal by name becomes `fallback`; anything else still fails the poll. */
export async function unlessRefused<T>(names: readonly string[], fallback: T, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof VendorRefusedError && err.vendorCode !== null && names.includes(err.vendorCode)) return fallback;
    throw err;
  }
}

/**
 * Full event history for the given jobs: one listing per job when few, else one listing of every
 * job's events since the earliest start among them, grouped by job.
 */
export async function eventsForJobs(
  client: DfmClient,
  jobs: readonly DpJobInfo[],
  perJobLimit: number,
  signal?: AbortSignal,
): Promise<Map<number, Array<Listed<DpEventInfo>>>> {
  const byJob = new Map<number, Array<Listed<DpEventInfo>>>(jobs.map((j) => [j["job-id"], []]));
  if (jobs.length === 0) return byJob;
  if (jobs.length <= perJobLimit) {
    for (const job of jobs) {
      const id = job["job-id"];
      byJob.set(id, await unlessRefused(["EJOBDOESNOTEXIST"], [], listEvents(client, { "job-id": String(id) }, signal)));
    }
    return byJob;
  }
  const starts = jobs.map((j) => j["started-timestamp"]);
  const from = starts.every((s) => s !== undefined) ? Math.min(...starts.map(Number)) : undefined;
  for (const e of await listEvents(client, { "start-time": from === undefined ? undefined : String(from) }, signal)) {
    byJob.get(e.value["job-id"])?.push(e);
  }
  return byJob;
}
