import { z } from "zod";
import type { SyncBatch, SyncCursor } from "@/lib/connectors/types";
import type { OntapClient } from "./client";
import { mapOntapJob } from "./map";
import type { OntapJob } from "./schemas";

const TERMINAL = new Set(["success", "failure"]);
/** ONTAP times have second resolution and jobs end while we page: re-report recent endings. */
const END_MARGIN_MS = 120_000;
/** uuids per `uuid=a|b|…` query, to keep URLs well under common limits. */
const FETCH_CHUNK = 40;

const cursorSchema = z.object({
  /** Latest end_time seen, in the cluster's clock (so our clock skew does not matter). */
  endWatermark: z.string().nullable(),
  /** Jobs that were not finished at the last poll: report them again until they are. */
  open: z.array(z.string()),
});
type OntapCursor = z.infer<typeof cursorSchema>;

/**
 * First poll: the whole inventory with every field. Later polls: one light listing (uuid, state,
 * end_time) of the whole inventory, which gives presentIds, then full records only for jobs that
 * are unfinished, were unfinished last time, or ended since the watermark.
 */
export async function listOntapChanges(
  client: OntapClient,
  pageSize: number,
  timeoutMs: number,
  cursor: SyncCursor | null,
  signal?: AbortSignal,
): Promise<SyncBatch> {
  const previous = cursorSchema.safeParse(cursor);
  const returnTimeout = String(returnTimeoutFor(timeoutMs));
  const page = (params: Record<string, string>) =>
    new URLSearchParams({ max_records: String(pageSize), return_timeout: returnTimeout, ...params });
  if (!previous.success) {
    const all = await client.listAll(page({ fields: "*" }), signal);
    return batch(all, all, null);
  }
  const inventory = await client.listAll(page({ fields: "uuid,state,end_time" }), signal);
  const since = previous.data.endWatermark ? Date.parse(previous.data.endWatermark) - END_MARGIN_MS : null;
  const wasOpen = new Set(previous.data.open);
  const wanted = inventory
    .filter((job) => {
      if (!TERMINAL.has(job.state ?? "") || wasOpen.has(job.uuid)) return true;
      if (!job.end_time) return true;
      return since === null || Date.parse(job.end_time) >= since;
    })
    .map((job) => job.uuid);
  const changed: OntapJob[] = [];
  for (let i = 0; i < wanted.length; i += FETCH_CHUNK) {
    const uuids = wanted.slice(i, i + FETCH_CHUNK).join("|");
    changed.push(...(await client.listAll(page({ uuid: uuids, fields: "*" }), signal)));
  }
  return batch(changed, inventory, previous.data);
}

/**
 * ONTAP keeps iterating a collection for `return_timeout` seconds (15 by default, 9.12.1 doc) before
 * answering; asked for less than our own request timeout, a loaded cluster returns a shorter page
 * with a `next` link instead of being cut off by us, who would then have nothing of that page.
 */
export function returnTimeoutFor(timeoutMs: number): number {
  return Math.max(1, Math.min(120, Math.floor((timeoutMs * 0.6) / 1000)));
}

function batch(changed: OntapJob[], inventory: OntapJob[], previous: OntapCursor | null): SyncBatch {
  let watermark = previous?.endWatermark ?? null;
  for (const job of inventory) {
    if (job.end_time && (watermark === null || Date.parse(job.end_time) > Date.parse(watermark))) watermark = job.end_time;
  }
  const open = inventory.filter((job) => !TERMINAL.has(job.state ?? "")).map((job) => job.uuid);
  const cursor: OntapCursor = { endWatermark: watermark, open };
  return { jobs: changed.map(mapOntapJob), cursor, presentIds: inventory.map((job) => job.uuid) };
}
