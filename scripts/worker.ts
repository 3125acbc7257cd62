/**
 * `npm run worker`: the sync worker alone, for production where the web app and workers scale
 * separately. Several workers share sources through leases.
 */
import { createDb } from "@/lib/db/client";
import { databaseOrExit } from "./database-or-exit";
import { env } from "@/lib/env";
import { startWorker } from "@/lib/sync/worker";

const config = env();
const database = await databaseOrExit();
const db = createDb(database.url);
const worker = await startWorker({
  db,
  databaseUrl: database.url,
  workerId: config.JOBDECK_WORKER_ID,
  concurrency: config.JOBDECK_WORKER_CONCURRENCY,
});

async function shutdown() {
  await worker.stop();
  await db.$disconnect();
  await database.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
