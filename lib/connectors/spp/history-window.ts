import { z } from "zod";
import { field } from "@/lib/connectors/quarantine";
import type { SppClient } from "./client";
import { jobSessionPageSchema } from "./schemas";
import { filter } from "./session-queries";

/** Sessions of history given their full detail (progress and log) per step. */
const STEP_DETAILS = 50;

/** Newest first, ties in a fixed order, so a window never depends on how the server breaks them. */
const NEWEST_FIRST = JSON.stringify([
  { property: "start", direction: "DESC" },
  { property: "id", direction: "DESC" },
]);

/**
 * Where the history backfill goes on, as a keyset position rather than a list of ids (a year of an
 * appliance is ~44,000 sessions, ~700 KB of ids): sessions that started at or before `start`, less
 * those started exactly then that were already read (ties on the start time).
 */
export const positionSchema = z.object({
  start: z.number(),
  readAtStart: z.array(z.string()),
  done: z.number().int(),
  total: z.number().int(),
});
export type Position = z.infer<typeof positionSchema>;

/**
 * The next STEP_DETAILS sessions of history from `from` (null: the newest), raw, and the position
 * after them (null once the listing's end is reached). Only `start <=` is filtered on (SPP's
 * filter has no `<`); sessions at exactly the position's start already read are skipped here.
 */
export async function historyWindow(
  client: SppClient,
  pageSize: number,
  from: Position | null,
  signal?: AbortSignal,
): Promise<{ sessions: unknown[]; next: Position | null }> {
  const skip = new Set(from?.readAtStart ?? []);
  const isFresh = (raw: unknown) => !skip.has(String(field("id")(raw)));
  const query: Record<string, string> = { pageSize: String(pageSize), sort: NEWEST_FIRST };
  if (from) query.filter = filter([{ property: "start", value: from.start, op: "<=" }]);
  const listed = await client.getPages(
    "/api/endeavour/jobsession",
    query,
    jobSessionPageSchema,
    (page) => page.sessions,
    "job session list",
    (items) => items.filter(isFresh).length > STEP_DETAILS,
    signal,
  );
  const fresh = listed.items.filter(isFresh);
  const sessions = fresh.slice(0, STEP_DETAILS);
  if (listed.complete && fresh.length <= STEP_DETAILS) return { sessions, next: null };
  // The position moves to the last session taken that has a readable start (an unreadable one is quarantined).
  const last = sessions.findLast((raw) => typeof field("start")(raw) === "number");
  const done = (from?.done ?? 0) + sessions.length;
  const total = from?.total ?? listed.total;
  if (last === undefined) {
    const ids = sessions.map((raw) => String(field("id")(raw)));
    return {
      sessions,
      next: {
        start: from?.start ?? Number.MAX_SAFE_INTEGER,
        readAtStart: [...skip, ...ids],
        done,
        total,
      },
    };
  }
  const start = field("start")(last) as number;
  const atStart = sessions
    .filter((raw) => field("start")(raw) === start)
    .map((raw) => String(field("id")(raw)));
  const readAtStart = from && from.start === start ? [...from.readAtStart, ...atStart] : atStart;
  return { sessions, next: { start, readAtStart, done, total } };
}
