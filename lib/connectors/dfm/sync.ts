import { z } from "zod";
import { isTerminal } from "@/lib/domain/job-state";
import type { JobRecord, ScheduledRecord } from "@/lib/domain/model";
import type { QuarantinedRecord, SyncBatch, SyncCursor } from "@/lib/connectors/types";
import type { DfmClient, Listed } from "./client";
import { eventsForJobs, listJobs, unlessRefused } from "./fetch";
import { backfillSchema, firstBackfill, readHistory, type Backfill } from "./history-window";
import { mapJob, mapScheduled } from "./map";
import { mapJobState } from "./map-state";
import { validateReply } from "@/lib/connectors/http/parse-reply";
import { lastChangedSchema, scheduledJobSchema, type DfmOptions, type DpJobInfo } from "./schemas";

const cursorSchema = z.object({
  /** Latest started-timestamp seen (seconds): the next poll lists jobs started from here. */
  hwm: z.number().int(),
  /** Highest job id seen: ids only grow, so anything above it is new. */
  maxId: z.number().int(),
  /** Jobs not finished at the last poll: re-read until they are. */
  active: z.array(z.number().int()),
  fullListAt: z.number().int(),
  schedule: z.object({ changed: z.number().int(), refreshAt: z.number().int() }).nullable(),
  datasets: z.record(z.string(), z.string()),
  /** History still to read, newest first; null once read. (A cursor without it starts over.) */
  backfill: backfillSchema.nullable(),
});
type DfmCursor = z.infer<typeof cursorSchema>;

const ACTIVE_STATES = ["running", "aborting", "queued"] as const;
/**
 * One bounded step. The first reads the present (jobs running, aborting or queued) and the newest
 * window of history; each later step reads what changed since the cursor and then the next window
 * of history, by started-timestamp, newest first, so the present shows at once and a server with a
 * year of jobs and events is read in committed steps. Nothing here touches the cursor it was
 * given: a failure part-way leaves the previous cursor in force and stored data stays whole. A
 * dp-job-info or event that does not match the document is quarantined; the rest of its page is read.
 */
export async function syncDfm(
  client: DfmClient,
  options: DfmOptions,
  raw: SyncCursor | null,
  signal?: AbortSignal,
): Promise<SyncBatch> {
  const parsedCursor = raw === null ? null : cursorSchema.safeParse(raw);
  const prev = parsedCursor?.success ? parsedCursor.data : null;
  const bad: QuarantinedRecord[] = [];
  const stamp = await client.call(
    "dp-job-schedule-get-last-changed",
    {},
    { idempotent: true, signal },
  );
  const nowSec = stamp.serverTimeSec;
  const lastChanged = validateReply(
    stamp.results,
    lastChangedSchema,
    "dp-job-schedule-get-last-changed",
  )["last-changed-timestamp"];
  // The whole list (for what DFM purged) is read once history is in, every fullListMinutes.
  const full =
    prev !== null &&
    prev.backfill === null &&
    nowSec - prev.fullListAt >= options.fullListMinutes * 60;

  const listed = new Map<number, Listed<DpJobInfo>>();
  const keep = (items: Array<Listed<DpJobInfo>>) =>
    items.forEach((j) => listed.set(j.value["job-id"], j));
  if (full) keep(await listJobs(client, {}, signal, bad));
  else {
    if (prev)
      keep(await listJobs(client, { "started-timestamp-from": String(prev.hwm) }, signal, bad));
    for (const state of ACTIVE_STATES) {
      // "queued" is not in the document's state list: a server that rejects it just has none to show.
      keep(
        await unlessRefused(
          state === "queued" ? ["EINVALIDINPUT"] : [],
          [],
          listJobs(client, { "job-state": state }, signal, bad),
        ),
      );
    }
    for (const id of prev?.active ?? [])
      if (!listed.has(id)) keep(await listJobs(client, { "job-id": String(id) }, signal, bad));
  }
  const changed = [...listed.values()].filter((j) => prev === null || isChanged(j.value, prev));

  let backfill: Backfill | null = prev ? prev.backfill : firstBackfill(nowSec);
  let history: Array<Listed<DpJobInfo>> = [];
  let inventory: string[] | null = full ? [...listed.keys()].map(String) : null;
  if (backfill) {
    const step = await readHistory(client, backfill, signal, bad);
    history = step.jobs.filter((j) => !listed.has(j.value["job-id"]));
    backfill = step.next;
    // History is all in: one listing of job ids says what DFM still has.
    if (backfill === null)
      inventory = (await listJobs(client, {}, signal, bad)).map((j) => String(j.value["job-id"]));
  }
  // Events for the present and for the window of history are listed apart: one listing spanning
  // both would read every event in between.
  const jobs: JobRecord[] = [];
  for (const group of [changed, history]) {
    const events = await eventsForJobs(
      client,
      group.map((j) => j.value),
      options.perJobEventLimit,
      signal,
      bad,
    );
    jobs.push(...group.map((j) => mapJob(j, events.get(j.value["job-id"]), nowSec)));
  }

  const datasets = { ...prev?.datasets };
  for (const { value } of [...listed.values(), ...history])
    datasets[String(value["dataset-id"])] = value["dataset-name"];
  const refresh =
    prev?.schedule == null ||
    prev.schedule.changed !== lastChanged ||
    nowSec >= prev.schedule.refreshAt;
  const windowSec = Math.round(options.scheduleWindowHours * 3600);
  const scheduled = refresh
    ? await listScheduled(client, nowSec, windowSec, datasets, signal)
    : undefined;

  const infos = [...listed.values(), ...history].map((j) => j.value);
  const cursor: DfmCursor = {
    hwm: Math.max(prev?.hwm ?? nowSec, ...infos.map((i) => i["started-timestamp"] ?? 0)),
    maxId: Math.max(prev?.maxId ?? 0, ...infos.map((i) => i["job-id"])),
    active: [...listed.values()]
      .map((j) => j.value)
      .filter((i) => !isTerminal(mapJobState(i)))
      .map((i) => i["job-id"]),
    fullListAt: inventory || prev === null ? nowSec : prev.fullListAt,
    // The schedule is re-listed when DFM says it changed, and also once half the listed window has
    // passed, or the future shown would run out while the schedule stays the same.
    schedule: refresh
      ? { changed: lastChanged, refreshAt: nowSec + Math.floor(windowSec / 2) }
      : (prev?.schedule ?? null),
    datasets,
    backfill,
  };
  return {
    jobs,
    cursor,
    quarantined: bad,
    more: backfill !== null,
    backfill: backfill
      ? { done: backfill.done, total: Math.max(backfill.total, backfill.done + 1) }
      : null,
    ...(inventory ? { presentIds: [...inventory, ...bad.map((b) => b.key)] } : {}),
    ...(scheduled ? { scheduled } : {}),
  };
}

/** New since last time, unfinished now, or unfinished last time: anything else cannot have changed. */
function isChanged(info: DpJobInfo, prev: DfmCursor): boolean {
  return (
    info["job-id"] > prev.maxId ||
    prev.active.includes(info["job-id"]) ||
    !isTerminal(mapJobState(info))
  );
}

async function listScheduled(
  client: DfmClient,
  fromSec: number,
  windowSec: number,
  datasets: Readonly<Record<string, string>>,
  signal?: AbortSignal,
): Promise<ScheduledRecord[]> {
  const items = await client.iterate(
    {
      api: "dp-job-schedule-list-iter",
      args: { "from-time": String(fromSec), "to-time": String(fromSec + windowSec) },
      arrayKey: "scheduled-jobs",
      itemKey: "dp-scheduled-job",
      item: scheduledJobSchema,
    },
    signal,
  );
  return items.map((item) => mapScheduled(item, datasets));
}
