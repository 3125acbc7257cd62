import type { Actor } from "@/lib/domain/actor";
import type { Db } from "@/lib/db/client";
import { startWorker, type RunningWorker } from "@/lib/sync/worker";

export const testAdmin: Actor = {
  kind: "user",
  id: null,
  name: "Alert Tester",
  email: "alerts@example.test",
  role: "admin",
};

/** Short timers so alert tests wait for state in seconds; the code paths are the production ones. */
export const FAST_ALERTING = { evalMs: 300, pollMs: 500, retry: { baseMs: 300, maxAttempts: 5 } };

/** `n` complete workers (sync and alerting) on one database, as several production workers would run. */
export async function startWorkers(
  db: Db,
  databaseUrl: string,
  n: number,
): Promise<RunningWorker[]> {
  const workers: RunningWorker[] = [];
  for (let i = 0; i < n; i++) {
    workers.push(
      await startWorker({
        db,
        databaseUrl,
        workerId: `alert-test-${i}`,
        concurrency: 4,
        tickMs: 200,
        alerts: FAST_ALERTING,
      }),
    );
  }
  return workers;
}
