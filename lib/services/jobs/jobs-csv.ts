import type { JobListQuery } from "@/lib/contracts/jobs";
import type { JobSummary } from "@/lib/contracts/jobs";
import { listJobs } from "@/lib/data/jobs";
import type { Tx } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { csvRow, fieldColumns, streamCsv } from "@/lib/csv";
import { jobFiltersFromQuery } from "./job-filters";

/** The fields of GET /api/jobs items, under the same names. */
export const CSV_COLUMNS = fieldColumns<JobSummary>([
  "id",
  "state",
  "vendorState",
  "kind",
  "sourceName",
  "vendorId",
  "type",
  "name",
  "dataset",
  "policy",
  "startedAt",
  "endedAt",
  "progress",
  "bytesDone",
  "bytesTotal",
  "goneAt",
]);

export function csvLine(job: JobSummary): string {
  return csvRow(CSV_COLUMNS, job);
}

const PAGE = 500;

/** Every row of the view (its filters and sort, not just the page on screen), one keyset page at a time. */
export function streamJobsCsv(
  query: JobListQuery,
  db: Tx = getDb(),
  now: Date = new Date(),
): ReadableStream<Uint8Array> {
  // One instant (`now`) for every page, so the default window does not slide while the file streams.
  return streamCsv(CSV_COLUMNS, (cursor) =>
    listJobs(jobFiltersFromQuery({ ...query, cursor, limit: PAGE }, now), db),
  );
}
