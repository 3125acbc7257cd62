import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { getDb } from "@/lib/db/client";
import { openStreamCount } from "@/lib/live/stream-slots";
import { logger } from "@/lib/log";

/** How often a web process reports its open streams; /metrics counts reports younger than three of these. */
export const CENSUS_INTERVAL_MS = 10_000;
/** Rows of processes gone this long are removed by whichever process reports next. */
const FORGET_AFTER_MS = 60 * 60_000;

const state = globalThis as typeof globalThis & {
  jobdeckStreamCensus?: { processId: string; timer: NodeJS.Timeout };
};

/**
 * Starts this web process's census (once; later calls do nothing). Streams live in one process's
 * memory, but any web instance behind a load balancer must answer /metrics the same, so each
 * process writes its count to PostgreSQL and /metrics sums the fresh rows.
 */
export function startStreamCensus(): void {
  if (state.jobdeckStreamCensus) return;
  const processId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const timer = setInterval(() => void reportStreamCensus(processId), CENSUS_INTERVAL_MS);
  timer.unref();
  state.jobdeckStreamCensus = { processId, timer };
  void reportStreamCensus(processId);
}

async function reportStreamCensus(processId: string): Promise<void> {
  const now = new Date();
  const db = getDb();
  try {
    const sseClients = openStreamCount();
    await db.webProcessCensus.upsert({
      where: { processId },
      create: { processId, sseClients, reportedAt: now },
      update: { sseClients, reportedAt: now },
    });
    await db.webProcessCensus.deleteMany({
      where: { reportedAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } },
    });
  } catch (err) {
    logger.warn({ err }, "could not report open live streams for /metrics");
  }
}
