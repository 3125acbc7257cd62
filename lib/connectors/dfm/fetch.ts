import { VendorRefusedError } from "@/lib/connectors/errors";
import { field } from "@/lib/connectors/quarantine";
import type { QuarantinedRecord } from "@/lib/connectors/types";
import type { DfmClient, Listed } from "./client";
import { eventInfoSchema, jobInfoSchema, type DpEventInfo, type DpJobInfo } from "./schemas";
import type { ZapiArgs } from "./xml";

/** Where a sync keeps records that could not be read; absent, one bad record fails the listing. */
export type BadSink = QuarantinedRecord[] | undefined;

export function listJobs(
  client: DfmClient,
  args: ZapiArgs,
  signal?: AbortSignal,
  bad?: BadSink,
): Promise<Array<Listed<DpJobInfo>>> {
  return client.iterate(
    {
      api: "dp-job-list-iter",
      args: { "max-jobs": "0", ...args },
      arrayKey: "jobs",
      itemKey: "dp-job-info",
      item: jobInfoSchema,
      ...(bad ? { quarantine: { what: "dp-job-info", keyOf: field("job-id"), into: bad } } : {}),
    },
    signal,
  );
}

/** A bad event's key names the event, not its job: the job itself is stored with its other events. */
const eventKey = (raw: unknown) => {
  const id = field("event-id")(raw);
  return typeof id === "string" && id !== "" ? `event ${id}` : undefined;
};

export function listEvents(
  client: DfmClient,
  args: ZapiArgs,
  signal?: AbortSignal,
  bad?: BadSink,
): Promise<Array<Listed<DpEventInfo>>> {
  return client.iterate(
    {
      api: "dp-job-progress-event-list-iter",
      args: { history: "true", ...args },
      arrayKey: "progress-events",
      itemKey: "dp-job-progress-event-info",
      item: eventInfoSchema,
      ...(bad
        ? { quarantine: { what: "dp-job-progress-event-info", keyOf: eventKey, into: bad } }
        : {}),
    },
    signal,
  );
}

/** A refusal by name becomes `fallback`; anything else still fails the poll. */
export async function unlessRefused<T>(
  names: readonly string[],
  fallback: T,
  work: Promise<T>,
): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (
      err instanceof VendorRefusedError &&
      err.vendorCode !== null &&
      names.includes(err.vendorCode)
    )
      return fallback;
    throw err;
  }
}

/**
 * Full event history for the given jobs: one listing per job when few, else one listing of every
 * job's events from the earliest start among them to the latest end (when all have ended, as a
 * window of history has), grouped by job.
 */
export async function eventsForJobs(
  client: DfmClient,
  jobs: readonly DpJobInfo[],
  perJobLimit: number,
  signal?: AbortSignal,
  bad?: BadSink,
): Promise<Map<number, Array<Listed<DpEventInfo>>>> {
  const byJob = new Map<number, Array<Listed<DpEventInfo>>>(jobs.map((j) => [j["job-id"], []]));
  if (jobs.length === 0) return byJob;
  if (jobs.length <= perJobLimit) {
    for (const job of jobs) {
      const id = job["job-id"];
      byJob.set(
        id,
        await unlessRefused(
          ["EJOBDOESNOTEXIST"],
          [],
          listEvents(client, { "job-id": String(id) }, signal, bad),
        ),
      );
    }
    return byJob;
  }
  const starts = jobs.map((j) => j["started-timestamp"]);
  const from = starts.every((s) => s !== undefined) ? Math.min(...starts.map(Number)) : undefined;
  const ends = jobs.map((j) => j["completed-timestamp"]);
  const to = ends.every((e) => e !== undefined) ? Math.max(...ends.map(Number)) : undefined;
  const window = {
    "start-time": from === undefined ? undefined : String(from),
    "end-time": to === undefined ? undefined : String(to),
  };
  for (const e of await listEvents(client, window, signal, bad)) {
    byJob.get(e.value["job-id"])?.push(e);
  }
  return byJob;
}
