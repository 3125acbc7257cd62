import type { z } from "zod";
import { listHistoryRows } from "@/lib/data/history";
import { decodeJobCursor, encodeJobCursor } from "@/lib/data/job-cursor";
import { getDb, type Tx } from "@/lib/db/client";
import { Invalid } from "@/lib/domain/errors";
import { measureRuns } from "./measure-runs";
import { type historyListQuery } from "@/lib/contracts/history";
import { historyWindow, toHistoryFilters } from "@/lib/services/history/filters";
import type { HistoryPage } from "@/lib/contracts/history";

export async function listHistory(
  query: z.infer<typeof historyListQuery>,
  db: Tx = getDb(),
  now: Date = new Date(),
): Promise<HistoryPage> {
  const cursor = query.cursor ? decodeJobCursor(query.cursor) : null;
  if (query.cursor && !cursor)
    throw new Invalid("Invalid cursor.", [
      { parameter: "cursor", message: "not a cursor from this API" },
    ]);
  const { rows, next } = await listHistoryRows(
    toHistoryFilters(query, now),
    { cursor, limit: query.limit },
    db,
  );
  const runs = await measureRuns(rows, { rpo: true }, db);
  return {
    items: runs.map((r) => r.run),
    nextCursor: next ? encodeJobCursor(next) : null,
    window: historyWindow(query, now),
  };
}
