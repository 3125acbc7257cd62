import type { JobListQuery } from "@/lib/api/job-query";
import type { JobSummary } from "@/lib/api/job-types";
import { listJobs } from "@/lib/data/jobs";
import type { Tx } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { jobFiltersFromQuery } from "./job-filters";

export const CSV_COLUMNS = [
  ["id", (j) => j.id],
  ["state", (j) => j.state],
  ["vendor_state", (j) => j.vendorState],
  ["vendor", (j) => j.kind],
  ["source", (j) => j.sourceName],
  ["vendor_id", (j) => j.vendorId],
  ["type", (j) => j.type],
  ["name", (j) => j.name],
  ["dataset", (j) => j.dataset],
  ["policy", (j) => j.policy],
  ["started_at", (j) => j.startedAt],
  ["ended_at", (j) => j.endedAt],
  ["progress", (j) => (j.progress === null ? null : String(j.progress))],
  ["bytes_done", (j) => j.bytesDone],
  ["bytes_total", (j) => j.bytesTotal],
  ["gone_at", (j) => j.goneAt],
] as const satisfies ReadonlyArray<readonly [string, (j: JobSummary) => string | null]>;

/**
 * RFC 4180 quoting; a value a spreadsheet would run as a formula (= + - @ tab CR) gets a leading
 * apostrophe, since vendor-supplied names end up in this file.
 */
export function csvField(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(job: JobSummary): string {
  return CSV_COLUMNS.map(([, get]) => csvField(get(job))).join(",") + "\r\n";
}

const PAGE = 500;

/** Every row of the view (its filters and sort, not just the page on screen), one keyset page at a time. */
export function streamJobsCsv(query: JobListQuery, db: Tx = getDb()): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_COLUMNS.map(([name]) => name).join(",") + "\r\n"));
      }
      const page = await listJobs(jobFiltersFromQuery({ ...query, cursor, limit: PAGE }), db);
      if (page.items.length) controller.enqueue(encoder.encode(page.items.map(csvLine).join("")));
      if (!page.nextCursor) controller.close();
      else cursor = page.nextCursor;
    },
  });
}
