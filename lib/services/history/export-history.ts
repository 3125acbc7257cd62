import { listHistoryRows, type HistoryFilters } from "@/lib/data/history";
import { decodeJobCursor, encodeJobCursor } from "@/lib/data/job-cursor";
import { getDb, type Tx } from "@/lib/db/client";
import { streamCsv } from "@/lib/csv";
import { HISTORY_CSV_COLUMNS } from "./csv";
import { measureRuns } from "./measure-runs";

// Runs per database round trip: each page is measured (RTO, RPO) and written before the next is read.
const PAGE = 500;

/**
 * The whole filtered history as CSV, newest first, the same rows and order as the page's table:
 * read one keyset page at a time as the client reads, so memory stays flat however many years of
 * runs match, and nothing is cut off.
 */
export function streamHistoryCsv(
  filters: HistoryFilters,
  db: Tx = getDb(),
): ReadableStream<Uint8Array> {
  return streamCsv(HISTORY_CSV_COLUMNS, async (cursor) => {
    const { rows, next } = await listHistoryRows(
      filters,
      { cursor: cursor ? decodeJobCursor(cursor) : null, limit: PAGE },
      db,
    );
    const runs = await measureRuns(rows, { rpo: true }, db);
    return { items: runs.map((r) => r.run), nextCursor: next ? encodeJobCursor(next) : null };
  });
}
