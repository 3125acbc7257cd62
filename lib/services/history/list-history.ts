import type { z } from "zod";
import { listHistoryRows } from "@/lib/data/history";
import { decodeJobCursor, encodeJobCursor } from "@/lib/data/job-cursor";
import { getDb, type Tx } from "@/lib/db/client";
import { badRequest } from "@/lib/http/problem";
import { measureRuns } from "./measure-runs";
import { historyWindow, toHistoryFilters, type historyListQuery } from "./query";
import type { HistoryPage } from "./types";

export async function listHistory(query: z.infer<typeof historyListQuery>, db: Tx = getDb(), now: Date = new Date()): Promise<HistoryPage> {
  const cursor = query.cursor ? decodeJobCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw badRequest("Invalid cursor.", [{ parameter: "cursor", message: "not a cursor from this API" }]);
  const { rows, next } = await listHistoryRows(toHistoryFilters(query, now), { cursor, limit: query.limit }, db);
  const runs = await measureRuns(rows, { rpo: true }, db);
  return { items: runs.map((r) => r.run), nextCursor: next ? encodeJobCursor(next) : null, window: historyWindow(query, now) };
}
