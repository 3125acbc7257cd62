/**
 * `npm start`: the whole system on one machine. PostgreSQL (embedded unless DATABASE_URL is set)
 * with migrations applied, the demo simulators registered as sources, the sync worker, and the web
 * app (scripts/web.ts). `--dev` runs the web app in Next's dev mode instead of the production build.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { ensureFirstAdmin } from "@/lib/auth/first-admin";
import { secretKey } from "@/lib/crypto/secret-key";
import { createDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { databaseOrExit } from "./database-or-exit";
import { startDemo, type Demo } from "./start-demo";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { alertingFromEnv } from "@/lib/alerts/worker-options";
import { startWorker } from "@/lib/sync/worker";

const dev = process.argv.includes("--dev");
const config = env();

const database = await databaseOrExit();
logger.info(
  { embedded: database.embedded },
  database.embedded ? `embedded PostgreSQL in ${config.JOBDECK_DATA_DIR}/pg` : "using DATABASE_URL",
);
await applyMigrations(database.url);
const db = createDb(database.url);
await ensureFirstAdmin(db);

const demo: Demo | null = config.JOBDECK_DEMO
  ? await startDemo(db, { basePort: config.JOBDECK_SIM_BASE_PORT, speed: config.JOBDECK_SIM_SPEED })
  : null;

const worker = await startWorker({
  db,
  databaseUrl: database.url,
  workerId: config.JOBDECK_WORKER_ID,
  concurrency: config.JOBDECK_WORKER_CONCURRENCY,
  alerts: alertingFromEnv(config),
  storage: { payloadRetentionDays: config.JOBDECK_PAYLOAD_RETENTION_DAYS },
});

if (demo) await demo.seedHistory(config.JOBDECK_DEMO_HISTORY_DAYS);

// Node with tsx's loader rather than the tsx command, which would put a second Node process (~50 MB)
// in front of the web app only to relay its signals.
const web: ChildProcess = spawn(
  process.execPath,
  ["--import", "tsx", "scripts/web.ts", ...(dev ? ["--dev"] : [])],
  {
    stdio: "inherit",
    // The web app seals and opens the same source credentials as the worker: hand it the same key.
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      JOBDECK_SECRET_KEY: secretKey().toString("base64"),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
);
logger.info(`Jobdeck is starting on http://localhost:${config.PORT}`);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  web.kill("SIGTERM");
  await worker.stop();
  await demo?.estate.stop();
  await db.$disconnect();
  await database.stop();
  process.exit(code);
}
web.on("exit", (code) => void shutdown(code ?? 1));
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
