import { hostname } from "node:os";
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { closeConnectors } from "./connector-for-source";
import { claimDueSources, makeDueNow, releaseLease } from "./leases";
import { POKE_CHANNEL } from "./notify";
import { pollSource } from "./poll-source";

export interface WorkerOptions {
  db: Db;
  databaseUrl: string;
  workerId?: string;
  concurrency: number;
  /** How often to look for due sources when nothing wakes the worker sooner. */
  tickMs?: number;
}

export interface RunningWorker {
  id: string;
  stop(): Promise<void>;
}

/**
 * Polls every enabled source on its cadence. Each source is polled independently with its own
 * timeout, so a vendor that hangs or refuses connections never delays the others.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const id = options.workerId ?? `${hostname()}:${process.pid}`;
  const tickMs = options.tickMs ?? 500;
  const inFlight = new Map<string, Promise<void>>();
  let stopped = false;
  let wake: (() => void) | null = null;

  const listener = new pg.Client({ connectionString: options.databaseUrl });
  await listener.connect();
  listener.on("notification", (msg) => {
    if (msg.channel !== POKE_CHANNEL || !msg.payload) return;
    makeDueNow(options.db, msg.payload)
      .then(() => wake?.())
      .catch((err) => logger.warn({ err }, "poke failed"));
  });
  listener.on("error", (err) => logger.warn({ err }, "worker LISTEN connection error"));
  await listener.query(`LISTEN ${POKE_CHANNEL}`);

  const pollOne = async (source: Awaited<ReturnType<typeof claimDueSources>>[number]) => {
    // A few vendor timeouts cover the connector's retries and paging; past that the poll is abandoned.
    const signal = AbortSignal.timeout(Math.max(source.timeoutMs * 4, 10_000));
    try {
      const outcome = await pollSource(options.db, source, signal);
      if (!outcome.ok) logger.warn({ source: source.name, error: outcome.error }, "poll failed");
      else if (outcome.changed > 0) logger.debug({ source: source.name, changed: outcome.changed }, "poll stored changes");
    } catch (err) {
      logger.error({ err, source: source.name }, "poll crashed");
    } finally {
      await releaseLease(options.db, source.id, id).catch((err) => logger.warn({ err }, "lease release failed"));
    }
  };

  const loop = async () => {
    while (!stopped) {
      try {
        const claimed = await claimDueSources(options.db, id, options.concurrency - inFlight.size, 5 * 60_000);
        for (const source of claimed) {
          const p = pollOne(source).finally(() => {
            inFlight.delete(source.id);
            wake?.();
          });
          inFlight.set(source.id, p);
        }
      } catch (err) {
        logger.error({ err }, "claiming sources failed");
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, tickMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  };
  const running = loop();
  logger.info({ worker: id, concurrency: options.concurrency }, "sync worker started");

  return {
    id,
    stop: async () => {
      stopped = true;
      wake?.();
      await running;
      await Promise.allSettled(inFlight.values());
      await listener.end().catch(() => {});
      await closeConnectors();
    },
  };
}
