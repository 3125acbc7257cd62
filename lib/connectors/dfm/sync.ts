import { z } from "zod";
import { isTerminal } from "@/lib/domain/job-state";
import type { JobRecord, ScheduledRecord } from "@/lib/domain/model";
import type { SyncBatch, SyncCursor } from "@/lib/connectors/types";
import type { DfmClient, Listed } from "./client";
import { eventsForJobs, listJobs, unlessRefused } from "./fetch";
import { mapJob, mapScheduled } from "./map";
import { mapJobState } from "./map-state";
import { lastChangedSchema, scheduledJobSchema, type DfmOptions, type DpJobInfo } from "./schemas";
import { validateReply } from "@/lib/connectors/http/parse-reply";

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
});
type DfmCursor = z.infer<typeof cursorSchema>;

const ACTIVE_STATES = ["running", "aborting", "queued"] as const;

/**
 * One incremental poll. Nothing here touches the cursor it was given: a failure part-way leaves the
 * previous cursor in force, so the next poll re-reads the same window and stored data stays whole.
 */
export async function syncDfm(client: DfmClient, options: DfmOptions, raw: SyncCursor | null, signal?: AbortSignal): Promise<SyncBatch> {
  const parsedCursor = raw === null ? null : cursorSchema.safeParse(raw);
  const prev = parsedCursor?.success ? parsedCursor.data : null;
  const stamp = await client.call("dp-job-schedule-get-last-changed", {}, { idempotent: true, signal });
  const nowSec = stamp.serverTimeSec;
  const lastChanged = validateReply(stamp.results, lastChangedSchema, "dp-job-schedule-get-last-changed")["last-changed-timestamp"];
  const full = prev === null || nowSec - prev.fullListAt >= options.fullListMinutes * 60;

  const listed = new Map<number, Listed<DpJobInfo>>();
  const keep = (items: Array<Listed<DpJobInfo>>) => items.forEach((j) => listed.set(j.value["job-id"], j));
  if (full || prev === null) keep(await listJobs(client, {}, signal));
  else {
    keep(await listJobs(client, { "started-timestamp-from": String(prev.hwm) }, signal));
    for (const state of ACTIVE_STATES) {
      // "queued" is not in the document's state list: a server that rejects it just has none to show.
      keep(await unlessRefused(state === "queued" ? ["EINVALIDINPUT"] : [], [], listJobs(client, { "job-state": state }, signal)));
    }
    for (const id of prev.active) if (!listed.has(id)) keep(await listJobs(client, { "job-id": String(id) }, signal));
  }

  const changed = [...listed.values()].filter((j) => prev === null || isChanged(j.value, prev));
  const events = await eventsForJobs(client, changed.map((j) => j.value), options.perJobEventLimit, signal);
  const jobs: JobRecord[] = changed.map((j) => mapJob(j, events.get(j.value["job-id"]), nowSec));

  const datasets = { ...prev?.datasets };
  for (const { value } of listed.values()) datasets[String(value["dataset-id"])] = value["dataset-name"];
  const refresh = prev?.schedule == null || prev.schedule.changed !== lastChanged || nowSec >= prev.schedule.refreshAt;
  const windowSec = Math.round(options.scheduleWindowHours * 3600);
  const scheduled = refresh ? await listScheduled(client, nowSec, windowSec, datasets, signal) : undefined;

  const infos = [...listed.values()].map((j) => j.value);
  const cursor: DfmCursor = {
    hwm: Math.max(prev?.hwm ?? 0, ...infos.map((i) => i["started-timestamp"] ?? 0)),
    maxId: Math.max(prev?.maxId ?? 0, ...infos.map((i) => i["job-id"])),
    active: infos.filter((i) => !isTerminal(mapJobState(i))).map((i) => i["job-id"]),
    fullListAt: full ? nowSec : (prev?.fullListAt ?? nowSec),
    // The schedule is re-listed when DFM says it changed, and also once half the listed window has
    // passed, or the future shown would run out while the schedule stays the same.
    schedule: refresh ? { changed: lastChanged, refreshAt: nowSec + Math.floor(windowSec / 2) } : (prev?.schedule ?? null),
    datasets,
  };
  return {
    jobs,
    cursor,
    ...(full ? { presentIds: infos.map((i) => String(i["job-id"])) } : {}),
    ...(scheduled ? { scheduled } : {}),
  };
}

/** New since last time, unfinished now, or unfinished last time: anything else cannot have changed. */
function isChanged(info: DpJobInfo, prev: DfmCursor): boolean {
  return info["job-id"] > prev.maxId || prev.active.includes(info["job-id"]) || !isTerminal(mapJobState(info));
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
