/**
 * `npm run worker`: the sync worker alone, for production where the web app and workers scale
 * separately. Several workers share sources through leases.
 */
import { createDb } from "@/lib/db/client";
import { databaseOrExit } from "./database-or-exit";
import { env } from "@/lib/env";
import { alertingFromEnv } from "@/lib/alerts/worker-options";
import { startWorker } from "@/lib/sync/worker";

const config = env();
// A worker of its own against an external database must seal and open credentials with the key
// the web app uses; making one up would silently store credentials nobody else can read.
if (config.DATABASE_URL && !config.JOBDECK_SECRET_KEY) {
  console.error(
    "JOBDECK_SECRET_KEY is required: this worker uses an external DATABASE_URL, and source credentials there are sealed with the web app's key.",
  );
  process.exit(1);
}
const database = await databaseOrExit();
const db = createDb(database.url);
const worker = await startWorker({
  db,
  databaseUrl: database.url,
  workerId: config.JOBDECK_WORKER_ID,
  concurrency: config.JOBDECK_WORKER_CONCURRENCY,
  alerts: alertingFromEnv(config),
  storage: { payloadRetentionDays: config.JOBDECK_PAYLOAD_RETENTION_DAYS },
});

async function shutdown() {
  await worker.stop();
  await db.$disconnect();
  await database.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
