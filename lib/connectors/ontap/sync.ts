import { z } from "zod";
import { mapRecords } from "@/lib/connectors/quarantine";
import type { QuarantinedRecord, SyncBatch, SyncCursor } from "@/lib/connectors/types";
import type { JobRecord } from "@/lib/domain/model";
import { JOBS_PATH, type OntapClient } from "./client";
import { mapOntapJob } from "./map";
import type { OntapJob } from "./schemas";

const TERMINAL = new Set(["success", "failure"]);
/** ONTAP times have second resolution and jobs end while we page: re-report recent endings. */
const END_MARGIN_MS = 120_000;
/** uuids per `uuid=a|b|…` query, to keep URLs well under common limits. */
const FETCH_CHUNK = 40;
/** Pages of full records per step while a first sync reads a cluster's retained history. */
const BACKFILL_PAGES = 4;

const cursorSchema = z.object({
  /** Latest end_time seen, in the cluster's clock (so our clock skew does not matter). */
  endWatermark: z.string().nullable(),
  /** Jobs that were not finished at the last poll: report them again until they are. */
  open: z.array(z.string()),
  /** A first sync still reading history, newest first: where the listing goes on, and how far it got. */
  backfill: z
    .object({ next: z.string(), done: z.number().int(), total: z.number().int() })
    .nullable()
    .default(null),
});
type OntapCursor = z.infer<typeof cursorSchema>;

/**
 * First poll: full records newest first (`order_by=start_time desc`), a few pages per step, so the
 * present is stored at once and a cluster that retains a long history is read in committed steps.
 * Every step of that backfill also reads the unfinished jobs and those ended since the watermark,
 * so the present stays live within ONTAP's 300 s retention. Later polls: one light listing (uuid,
 * state, end_time) of the whole inventory, which gives presentIds, then full records only for jobs
 * that are unfinished, were unfinished last time, or ended since the watermark.
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
    new URLSearchParams({
      max_records: String(pageSize),
      return_timeout: returnTimeout,
      ...params,
    });
  const bad: QuarantinedRecord[] = [];

  if (!previous.success) {
    const first = await client.listPages(
      `${JOBS_PATH}?${page({ fields: "*", order_by: "start_time desc" })}`,
      BACKFILL_PAGES,
      signal,
    );
    bad.push(...first.bad);
    // A cluster small enough to read in one step gave its whole inventory.
    if (first.next === null)
      return batch(
        first.good,
        { records: first.good, complete: true },
        { endWatermark: null, open: [] },
        null,
        bad,
      );
    const backfill = {
      next: first.next,
      done: first.good.length,
      total: await client.count(signal),
    };
    return batch(first.good, null, { endWatermark: null, open: [] }, backfill, bad);
  }

  const prev = previous.data;
  const since = prev.endWatermark ? Date.parse(prev.endWatermark) - END_MARGIN_MS : null;
  const changed: OntapJob[] = [];
  let backfill = prev.backfill;
  if (backfill) {
    const more = await client.listPages(backfill.next, BACKFILL_PAGES, signal);
    changed.push(...more.good);
    bad.push(...more.bad);
    backfill =
      more.next === null
        ? null
        : { ...backfill, next: more.next, done: backfill.done + more.good.length };
  }
  let inventory: Inventory;
  if (backfill && since !== null) {
    // While history is still to read, a step asks only for what can have changed (unfinished jobs
    // and recent endings) instead of listing the whole retained inventory each time, which made a
    // first sync of N jobs read N²/step-size records. The step that ends the backfill lists it all.
    const active = await client.listAll(page({ fields: "*", state: OPEN_STATES }), signal);
    const ended = await client.listAll(
      page({ fields: "*", end_time: `>=${new Date(since).toISOString()}` }),
      signal,
    );
    bad.push(...active.bad, ...ended.bad);
    const found = new Map([...active.good, ...ended.good].map((job) => [job.uuid, job]));
    changed.push(...found.values());
    // A job open last step that is in neither list (deleted, or an ending the margin missed).
    const missing = prev.open.filter((uuid) => !found.has(uuid));
    changed.push(...(await fetchFull(client, page, missing, bad, signal)));
    inventory = { records: [...found.values()], complete: false };
  } else {
    const listed = await client.listAll(page({ fields: "uuid,state,end_time" }), signal);
    bad.push(...listed.bad);
    const wasOpen = new Set(prev.open);
    const wanted = listed.good
      .filter((job) => {
        if (!TERMINAL.has(job.state ?? "") || wasOpen.has(job.uuid)) return true;
        if (!job.end_time) return true;
        return since === null || Date.parse(job.end_time) >= since;
      })
      .map((job) => job.uuid);
    changed.push(...(await fetchFull(client, page, wanted, bad, signal)));
    inventory = { records: listed.good, complete: true };
  }
  return batch(changed, inventory, prev, backfill, bad);
}

/** Jobs that are not finished, as a `state` filter. */
const OPEN_STATES = "queued|running|paused";

/** What a step knows of the cluster's jobs: all of them, or only the ones that can have changed. */
interface Inventory {
  records: OntapJob[];
  complete: boolean;
}

/** Full records of `uuids`, a chunk of them per query. */
async function fetchFull(
  client: OntapClient,
  page: (params: Record<string, string>) => URLSearchParams,
  uuids: readonly string[],
  bad: QuarantinedRecord[],
  signal?: AbortSignal,
): Promise<OntapJob[]> {
  const out: OntapJob[] = [];
  for (let i = 0; i < uuids.length; i += FETCH_CHUNK) {
    const got = await client.listAll(
      page({ uuid: uuids.slice(i, i + FETCH_CHUNK).join("|"), fields: "*" }),
      signal,
    );
    out.push(...got.good);
    bad.push(...got.bad);
  }
  return out;
}

/**
 * ONTAP keeps iterating a collection for `return_timeout` seconds (15 by default, 9.12.1 doc) before
 * answering; asked for less than our own request timeout, a loaded cluster returns a shorter page
 * with a `next` link instead of being cut off by us, who would then have nothing of that page.
 */
export function returnTimeoutFor(timeoutMs: number): number {
  return Math.max(1, Math.min(120, Math.floor((timeoutMs * 0.6) / 1000)));
}

function batch(
  changed: OntapJob[],
  inventory: Inventory | null,
  previous: Pick<OntapCursor, "endWatermark" | "open">,
  backfill: OntapCursor["backfill"],
  bad: QuarantinedRecord[],
): SyncBatch {
  // Without the inventory (the first step), the records read stand in for it.
  const seen = inventory?.records ?? changed;
  let watermark = previous.endWatermark;
  for (const job of seen) {
    if (job.end_time && (watermark === null || Date.parse(job.end_time) > Date.parse(watermark)))
      watermark = job.end_time;
  }
  const open = [
    ...new Set([
      ...(inventory ? [] : previous.open),
      ...seen.filter((job) => !TERMINAL.has(job.state ?? "")).map((job) => job.uuid),
    ]),
  ];
  const mapped = mapRecords(changed, mapOntapJob, "ONTAP job", (job) => job.uuid);
  const jobs: JobRecord[] = mapped.mapped;
  const cursor: OntapCursor = { endWatermark: watermark, open, backfill };
  return {
    jobs,
    cursor,
    quarantined: [...bad, ...mapped.bad],
    more: backfill !== null,
    backfill: backfill
      ? { done: backfill.done, total: Math.max(backfill.total, backfill.done) }
      : null,
    ...(inventory?.complete
      ? { presentIds: [...inventory.records.map((job) => job.uuid), ...bad.map((b) => b.key)] }
      : {}),
  };
}
