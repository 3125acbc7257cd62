import type { JobListQuery } from "@/lib/contracts/jobs";
import type { JobSummary } from "@/lib/contracts/jobs";
import { listJobs } from "@/lib/data/jobs";
import type { Tx } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { csvRow, streamCsv, type CsvColumns } from "@/lib/csv";
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
] as const satisfies CsvColumns<JobSummary>;

export function csvLine(job: JobSummary): string {
  return csvRow(CSV_COLUMNS, job);
}

const PAGE = 500;

/** Every row of the view (its filters and sort, not just the page on screen), one keyset page at a time. */
export function streamJobsCsv(query: JobListQuery, db: Tx = getDb(), now: Date = new Date()): ReadableStream<Uint8Array> {
  // One instant (`now`) for every page, so the default window does not slide while the file streams.
  return streamCsv(CSV_COLUMNS, (cursor) => listJobs(jobFiltersFromQuery({ ...query, cursor, limit: PAGE }, now), db));
}
