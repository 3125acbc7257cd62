/**
 * A sync worker in its own process, for the chaos test to kill with SIGKILL:
 * `node --import tsx lib/testing/chaos-worker.ts <database url> <lease ms>`.
 */
import { createDb } from "@/lib/db/client";
import { startWorker } from "@/lib/sync/worker";

const [databaseUrl, leaseArg] = process.argv.slice(2);
if (!databaseUrl || !leaseArg) throw new Error("usage: chaos-worker <database url> <lease ms>");
const db = createDb(databaseUrl);
await startWorker({ db, databaseUrl, concurrency: 5, tickMs: 200, leaseMs: Number(leaseArg) });
process.stdout.write("worker started\n");
