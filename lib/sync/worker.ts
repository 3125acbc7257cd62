import { hostname } from "node:os";
import type { Db } from "@/lib/db/client";
import { startAlerting, type AlertingOptions } from "@/lib/alerts/runtime";
import { logger } from "@/lib/log";
import { reapPendingActions } from "@/lib/services/actions/reap-pending";
import { closeConnectors } from "./connector-for-source";
import { startEventStorageUpkeep, type EventStorageOptions } from "./event-storage";
import { claimDueSources, holdWorkerLock, makeDueNow, releaseLease, renewLease } from "./leases";
import { listenWithReconnect } from "./listen";
import { POKE_CHANNEL } from "./notify";
import { pollSource } from "./poll-source";

export interface WorkerOptions {
  db: Db;
  databaseUrl: string;
  workerId?: string;
  concurrency: number;
  /** How often to look for due sources when nothing wakes the worker sooner. */
  tickMs?: number;
  /** Lease length (default LEASE_MS); tests that kill workers shorten it so takeovers come quickly. */
  leaseMs?: number;
  /** Alert evaluation and delivery on the PostgreSQL job queue; off when absent (tools, chaos tests). */
  alerts?: Omit<AlertingOptions, "db" | "databaseUrl">;
  /** Partitions ahead and the raw payload retention of events; off when absent (tools, tests). */
  storage?: EventStorageOptions;
}

/**
 * A lease's length; a running poll renews it every third of it. A dead worker's leases are free at
 * once (its liveness lock went with its connection, see lib/sync/leases.ts); expiry is what frees a
 * source from a worker that stalls while connected. Short, because it adds to the longest gap
 * between polls then (see MAX_POLL_GAP_MS: ONTAP forgets jobs in ~300 s).
 */
export const LEASE_MS = 60_000;
/** How often a worker looks for actions whose outcome was never heard. */
const REAP_EVERY_MS = 30_000;

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
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const inFlight = new Map<string, Promise<void>>();
  let stopped = false;
  let wake: (() => void) | null = null;
  const stopController = new AbortController();
  const stopSignal = stopController.signal;

  const listener = await listenWithReconnect(
    options.databaseUrl,
    POKE_CHANNEL,
    (sourceId) => {
      makeDueNow(options.db, sourceId)
        .then(() => wake?.())
        .catch((err) => logger.warn({ err }, "poke failed"));
    },
    // Pokes sent while the connection was down are lost: look for due work at once.
    () => wake?.(),
    async (client) => {
      if (!(await holdWorkerLock(client, id)))
        logger.warn(
          { worker: id },
          "another running worker has this id: its leases and this one's expire instead of freeing at once; give each worker its own JOBDECK_WORKER_ID",
        );
    },
  );

  const alerting = options.alerts
    ? await startAlerting({ ...options.alerts, db: options.db, databaseUrl: options.databaseUrl })
    : null;

  const storage = options.storage
    ? startEventStorageUpkeep(options.db, options.databaseUrl, options.storage)
    : null;

  const pollOne = async (source: Awaited<ReturnType<typeof claimDueSources>>[number]) => {
    // No overall time limit: every vendor request has its own timeout and each step commits, so a
    // long backfill progresses. The poll stops when the worker stops or its lease is lost.
    const abort = new AbortController();
    const onStop = () => abort.abort();
    stopSignal.addEventListener("abort", onStop, { once: true });
    const renew = setInterval(() => {
      renewLease(options.db, source.id, id, leaseMs)
        .then((held) => {
          if (!held) abort.abort();
        })
        .catch((err) => logger.warn({ err, source: source.name }, "lease renewal failed"));
    }, leaseMs / 3);
    try {
      const outcome = await pollSource(options.db, source, {
        signal: abort.signal,
        lease: { owner: id, ms: leaseMs },
      });
      if (!outcome.ok) logger.warn({ source: source.name, error: outcome.error }, "poll failed");
      else if (outcome.changed > 0)
        logger.debug({ source: source.name, changed: outcome.changed }, "poll stored changes");
    } catch (err) {
      logger.error({ err, source: source.name }, "poll crashed");
    } finally {
      // One listener per poll on a signal that lives as long as the worker: remove it, or they pile up.
      stopSignal.removeEventListener("abort", onStop);
      clearInterval(renew);
      await releaseLease(options.db, source.id, id).catch((err) =>
        logger.warn({ err }, "lease release failed"),
      );
    }
  };

  let reapedAt = 0;
  let reaping: Promise<void> | null = null;
  const reap = () => {
    if (reaping || Date.now() - reapedAt < REAP_EVERY_MS) return;
    reapedAt = Date.now();
    reaping = reapPendingActions(options.db)
      .then((out) => {
        if (out.markedUnknown.length > 0 || out.resolved.length > 0)
          logger.info(out, "actions with an unheard outcome");
      })
      .catch((err) => logger.warn({ err }, "reaping pending actions failed"))
      .finally(() => {
        reaping = null;
      });
  };

  const loop = async () => {
    while (!stopped) {
      reap();
      try {
        const claimed = await claimDueSources(
          options.db,
          id,
          options.concurrency - inFlight.size,
          leaseMs,
        );
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
      stopController.abort();
      wake?.();
      await running;
      await Promise.allSettled([...inFlight.values(), reaping]);
      await listener.close();
      await alerting?.stop();
      await storage?.stop();
      await closeConnectors();
    },
  };
}
