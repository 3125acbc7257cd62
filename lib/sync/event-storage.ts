import pg from "pg";
import type { Db } from "@/lib/db/client";
import { maintainPartitions, purgeEventPayloads } from "@/lib/data/event-storage";
import { logger } from "@/lib/log";
import { clearAbandonedStages } from "./stage-jobs";

export interface EventStorageOptions {
  /** Raw vendor payloads of events older than this many days are dropped (the events stay). */
  payloadRetentionDays: number;
  /** How far ahead monthly partitions are created (default 3). */
  monthsAhead?: number;
  /** How often the upkeep runs after the run at start-up (default 6 hours). */
  everyMs?: number;
}

const DAY_MS = 86_400_000;
const DEFAULT_EVERY_MS = 6 * 3_600_000;
/** One worker at a time does the upkeep; the others skip that round. */
const LOCK_KEY = 1_701_202_612;

export interface UpkeepResult {
  created: number;
  purged: { partitions: number; rows: number };
  /** Staged sync batches left by a process that died mid-step (lib/sync/stage-jobs.ts). */
  abandonedStages: number;
  ms: number;
}

/**
 * One round of event storage upkeep: partitions ahead, the payload purge, and abandoned sync
 * staging batches. Returns null when
 * another worker holds the upkeep lock. The lock lives on a session of its own: the statements run
 * through the pool, each partition's purge committing on its own.
 */
export async function runEventStorageUpkeep(
  db: Db,
  databaseUrl: string,
  options: EventStorageOptions,
  now: Date = new Date(),
): Promise<UpkeepResult | null> {
  const lock = new pg.Client({ connectionString: databaseUrl, application_name: "jobdeck-upkeep" });
  await lock.connect();
  try {
    const got = await lock.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [
      LOCK_KEY,
    ]);
    if (!got.rows[0]?.ok) return null;
    const started = Date.now();
    const created = await maintainPartitions(options.monthsAhead ?? 3, db);
    const cutoff = new Date(now.getTime() - options.payloadRetentionDays * DAY_MS);
    const purged = await purgeEventPayloads(cutoff, db);
    const abandonedStages = await clearAbandonedStages(db);
    return { created, purged, abandonedStages, ms: Date.now() - started };
  } finally {
    await lock.end();
  }
}

/** Runs the upkeep at start-up and then on a timer, until stopped. */
export function startEventStorageUpkeep(
  db: Db,
  databaseUrl: string,
  options: EventStorageOptions,
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const round = () => {
    running = runEventStorageUpkeep(db, databaseUrl, options)
      .then((out) => {
        if (out && (out.created > 0 || out.purged.rows > 0))
          logger.info(out, "event storage upkeep");
      })
      .catch((err) => logger.warn({ err }, "event storage upkeep failed"));
  };
  round();
  const timer = setInterval(round, options.everyMs ?? DEFAULT_EVERY_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
