import PgBoss from "pg-boss";
import type { Tx } from "@/lib/db/client";
import { logger } from "@/lib/log";

/** Queue names. Evaluation is `stately`: at most one queued and one running across every worker. */
export const QUEUES = {
  evaluate: "alerts-evaluate",
  deliver: "alerts-deliver",
} as const;

export interface QueueOptions {
  databaseUrl: string;
  pollMs: number;
}

/**
 * pg-boss in its own schema (`pgboss`), created and migrated on start under its own advisory lock, so
 * several workers starting at once agree. Jobs are claimed with SKIP LOCKED: each runs on one worker.
 */
export async function startQueue(options: QueueOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    application_name: "jobdeck-queue",
    max: 4,
    // Completed jobs are kept a day for inspection; our own tables are the record of what happened.
    deleteAfterDays: 1,
  });
  boss.on("error", (err) => logger.warn({ err }, "job queue error"));
  await boss.start();
  await ensureQueue(boss, {
    name: QUEUES.evaluate,
    policy: "stately",
    retryLimit: 3,
    retryDelay: 1,
    expireInSeconds: 300,
  });
  // Deliveries schedule their own retries (so the delivery log can say when): the queue's retry only
  // covers a worker that died mid-attempt.
  await ensureQueue(boss, {
    name: QUEUES.deliver,
    policy: "standard",
    retryLimit: 2,
    retryDelay: 5,
    expireInSeconds: 120,
  });
  return boss;
}

async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  // Two workers starting together may both create it: the loser's error is harmless.
  if (await boss.getQueue(queue.name)) return;
  await boss.createQueue(queue.name, queue).catch(async (err) => {
    if (!(await boss.getQueue(queue.name))) throw err;
  });
}

/**
 * Lets pg-boss insert its job inside one of our Prisma transactions (a transactional outbox): the job
 * exists exactly when the rows it is about committed, so a crash between the two loses nothing.
 */
export function inTransaction(tx: Tx): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      // node-postgres turns undefined into NULL and objects into JSON; the adapter needs that done for it.
      const params = values.map((v: unknown) =>
        v === undefined
          ? null
          : v !== null && typeof v === "object" && !(v instanceof Date)
            ? JSON.stringify(v)
            : v,
      );
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...params);
      return { rows };
    },
  };
}
