import { z } from "zod";
import type { QuarantinedRecord } from "@/lib/connectors/types";
import { validateReply } from "@/lib/connectors/http/parse-reply";
import type { DfmClient, Listed } from "./client";
import { listJobs } from "./fetch";
import { iterStartSchema, type DpJobInfo } from "./schemas";
import type { ZapiArgs } from "./xml";

/** Where the history backfill goes on: jobs started at or before `to` (seconds) are still to read. */
export const backfillSchema = z.object({
  to: z.number().int(),
  /** Seconds of start times read per step, adapted so a step holds about STEP_JOBS jobs. */
  spanSec: z.number().int().positive(),
  done: z.number().int(),
  total: z.number().int(),
});
export type Backfill = z.infer<typeof backfillSchema>;

/** Jobs of history read, with their events, per step. */
const STEP_JOBS = 200;
const FIRST_SPAN_SEC = 86_400;
const MAX_SPAN_SEC = 60 * 86_400;

/** Where a source's history starts being read: the day before `nowSec`, newest first. */
export const firstBackfill = (nowSec: number): Backfill => ({
  to: nowSec,
  spanSec: FIRST_SPAN_SEC,
  done: 0,
  total: 0,
});

/** How many jobs started in [from, to] (an iterator's `records`, ended unread). */
async function countJobs(client: DfmClient, args: ZapiArgs, signal?: AbortSignal): Promise<number> {
  const start = await client.call(
    "dp-job-list-iter-start",
    { "max-jobs": "0", ...args },
    { idempotent: true, signal },
  );
  const { records, tag } = validateReply(start.results, iterStartSchema, "dp-job-list-iter-start");
  await client
    .call("dp-job-list-iter-end", { tag }, { idempotent: true, signal })
    .catch(() => undefined);
  return records;
}

/**
 * One window of history ending at `backfill.to`, narrowed (by counting first) until it holds about
 * STEP_JOBS jobs, and the position after it: null once no job started before the window.
 */
export async function readHistory(
  client: DfmClient,
  backfill: Backfill,
  signal: AbortSignal | undefined,
  bad: QuarantinedRecord[],
): Promise<{ jobs: Array<Listed<DpJobInfo>>; next: Backfill | null }> {
  const remaining = await countJobs(
    client,
    { "started-timestamp-to": String(backfill.to) },
    signal,
  );
  if (remaining === 0) return { jobs: [], next: null };
  let span = backfill.spanSec;
  let from = Math.max(0, backfill.to - span + 1);
  let count = await countJobs(client, window(from, backfill.to), signal);
  while (count > STEP_JOBS && span > 1) {
    span = Math.max(1, Math.floor(span / 2));
    from = Math.max(0, backfill.to - span + 1);
    count = await countJobs(client, window(from, backfill.to), signal);
  }
  const jobs = await listJobs(client, window(from, backfill.to), signal, bad);
  const done = backfill.done + count;
  const total = backfill.total > 0 ? backfill.total : remaining;
  // The window held every job left: history is all in.
  if (from === 0 || count >= remaining) return { jobs, next: null };
  // A sparse stretch of history widens the next window, up to MAX_SPAN_SEC.
  const spanSec = jobs.length < STEP_JOBS / 4 ? Math.min(MAX_SPAN_SEC, span * 2) : span;
  return { jobs, next: { to: from - 1, spanSec, done, total: Math.max(total, done + 1) } };
}

const window = (from: number, to: number): ZapiArgs => ({
  "started-timestamp-from": String(from),
  "started-timestamp-to": String(to),
});
