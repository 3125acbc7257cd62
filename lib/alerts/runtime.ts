import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { QUEUES, startQueue } from "@/lib/queue/boss";
import { listenWithReconnect } from "@/lib/sync/listen";
import { CHANGE_CHANNEL, isIncidentChange } from "@/lib/sync/notify";
import { env } from "@/lib/env";
import { startEvidenceSchedule } from "@/lib/evidence/schedule";
import { attemptDelivery, type DeliverJob, type RetryPolicy } from "./deliveries";
import { evaluateRules } from "./evaluate";

export interface AlertingOptions {
  db: Db;
  databaseUrl: string;
  /** Timer between evaluations when nothing changes (time alone makes a job slow or a source stale). */
  evalMs: number;
  /** How often an idle worker asks the queue for work. */
  pollMs: number;
  retry: RetryPolicy;
}

export interface RunningAlerting {
  /** Asks for an evaluation; across all workers at most one runs at a time and one waits. */
  requestEvaluation(): void;
  stop(): Promise<void>;
}

/** Changes arriving within this window ask for one evaluation. */
const COALESCE_MS = 100;

/**
 * The worker's share of alerting: it takes evaluation and delivery jobs from the PostgreSQL queue
 * (pg-boss), and asks for an evaluation when the sync commits a change (LISTEN on the change channel)
 * and on a timer. Every worker asks; the evaluation queue's `stately` policy keeps one queued and one
 * running across all of them, so each change is evaluated, once.
 */
export async function startAlerting(options: AlertingOptions): Promise<RunningAlerting> {
  const boss = await startQueue({ databaseUrl: options.databaseUrl, pollMs: options.pollMs });
  const pollingIntervalSeconds = options.pollMs / 1000;
  await boss.work(QUEUES.evaluate, { pollingIntervalSeconds, batchSize: 1 }, async () => {
    const out = await evaluateRules(options.db);
    if (out.opened || out.resolved) logger.info(out, "alert rules evaluated");
  });
  await boss.work<DeliverJob>(
    QUEUES.deliver,
    { pollingIntervalSeconds, batchSize: 1 },
    async (jobs) => {
      for (const job of jobs) await attemptDelivery(job.data, options.retry, options.db);
    },
  );
  await startEvidenceSchedule(
    boss,
    options.db,
    pollingIntervalSeconds,
    env().JOBDECK_PUBLIC_URL ?? null,
  );

  let pending: NodeJS.Timeout | null = null;
  let stopped = false;
  const requestEvaluation = () => {
    if (pending || stopped) return;
    pending = setTimeout(() => {
      pending = null;
      boss
        .send(QUEUES.evaluate, {})
        .catch((err) => logger.warn({ err }, "could not queue an alert evaluation"));
    }, COALESCE_MS);
  };
  const timer = setInterval(requestEvaluation, options.evalMs);
  const listener = await listenWithReconnect(
    options.databaseUrl,
    CHANGE_CHANNEL,
    (payload) => {
      // An evaluation's own incident changes come back on this channel: they change no condition.
      if (!isIncidentChange(payload)) requestEvaluation();
    },
    requestEvaluation,
  );
  requestEvaluation();
  logger.info({ evalMs: options.evalMs }, "alerting started");

  return {
    requestEvaluation,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (pending) clearTimeout(pending);
      await listener.close();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
