import type { Db } from "@/lib/db/client";
import { SOURCE_KINDS, VENDOR_LABEL } from "@/lib/domain/source-kind";
import { logger } from "@/lib/log";
import { seedYearOfHistory, type HistorySeedResult } from "./year-of-history";

const FIRST_POLL_WAIT_MS = 60_000;

/** The names lib/simulators/demo-estate.ts registers the demo's sources under. */
export const DEMO_SOURCE_NAMES = SOURCE_KINDS.map((kind) => `${VENDOR_LABEL[kind]} (demo)`);

/**
 * `npm start`'s year of history: waits for the worker's first poll of every demo source (the
 * simulators' own recent history is what gets repeated back in time), then seeds once. A source
 * that has not answered within a minute is seeded from what is stored, or not at all.
 */
export async function seedDemoHistory(db: Db, days: number): Promise<HistorySeedResult> {
  const deadline = Date.now() + FIRST_POLL_WAIT_MS;
  let sources = await db.source.findMany({ where: { name: { in: DEMO_SOURCE_NAMES } }, select: { id: true, lastSuccessAt: true } });
  while (sources.some((s) => s.lastSuccessAt === null) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    sources = await db.source.findMany({ where: { name: { in: DEMO_SOURCE_NAMES } }, select: { id: true, lastSuccessAt: true } });
  }
  const polled = sources.filter((s) => s.lastSuccessAt !== null).map((s) => s.id);
  if (polled.length < sources.length) logger.warn({ waiting: sources.length - polled.length }, "demo history: some demo sources were not polled yet; seeding the others");
  return seedYearOfHistory(db, polled, days);
}
