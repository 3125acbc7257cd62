import { seedYearOfHistory, sourcesPolled, type HistorySeedResult } from "@/lib/data/demo-history";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log";

const FIRST_POLL_WAIT_MS = 60_000;

/**
 * `npm start`'s year of history: waits for the worker's first poll of every demo source (the
 * simulators' own recent history is what gets repeated back in time), then seeds once. A source
 * that has not answered within a minute is seeded from what is stored, or not at all.
 */
export async function seedDemoHistory(
  db: Db,
  sourceNames: readonly string[],
  days: number,
): Promise<HistorySeedResult> {
  const deadline = Date.now() + FIRST_POLL_WAIT_MS;
  let sources = await sourcesPolled(sourceNames, db);
  while (sources.some((s) => s.lastSuccessAt === null) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    sources = await sourcesPolled(sourceNames, db);
  }
  const polled = sources.filter((s) => s.lastSuccessAt !== null).map((s) => s.id);
  if (polled.length < sources.length)
    logger.warn(
      { waiting: sources.length - polled.length },
      "demo history: some demo sources were not polled yet; seeding the others",
    );
  return seedYearOfHistory(db, polled, days);
}
