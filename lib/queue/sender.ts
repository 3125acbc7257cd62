import PgBoss from "pg-boss";

const globalForSender = globalThis as typeof globalThis & { jobdeckQueueSender?: PgBoss };

/**
 * A pg-boss that only writes jobs, always inside the caller's transaction (see inTransaction): the
 * web app queues deliveries without a connection pool or background timers of its own. Its own
 * database connection is never opened.
 */
export function queueSender(): PgBoss {
  globalForSender.jobdeckQueueSender ??= new PgBoss({
    db: {
      executeSql: () =>
        Promise.reject(new Error("queue writes must pass { db: inTransaction(tx) }")),
    },
  });
  return globalForSender.jobdeckQueueSender;
}
