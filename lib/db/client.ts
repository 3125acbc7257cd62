import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * `statementTimeoutMs`: PostgreSQL cancels any statement running longer, so one runaway query
 * cannot hold a pooled connection (the web app sets it; the worker's bulk writes do not).
 */
export function createDb(connectionString: string, opts: { statementTimeoutMs?: number } = {}) {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
  });
  // An idle connection that dies (a restarted server, a dropped test database) leaves the pool;
  // without a listener its error event would end the process.
  pool.on("error", () => undefined);
  const db = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Credentials never leave the database by accident: code that needs them asks with `omit: { secretEnc: false }`.
    omit: { source: { secretEnc: true } },
  });
  pools.set(db, pool);
  return db;
}

const pools = new WeakMap<object, pg.Pool>();

/**
 * The connection pool under a client, for what Prisma cannot say: COPY (lib/sync/stage-jobs.ts).
 * Shared with the client, so it ends with `$disconnect`.
 */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("this database client was not made by createDb");
  return pool;
}

export type Db = ReturnType<typeof createDb>;
/** A transaction client: data functions accept either. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as typeof globalThis & { jobdeckDb?: Db };

/** The process-wide client (one pool per process, survives Next's dev reloads). */
export function getDb(): Db {
  if (!globalForDb.jobdeckDb) {
    const { DATABASE_URL: url, JOBDECK_STATEMENT_TIMEOUT_MS } = env();
    if (!url) throw new Error("DATABASE_URL is not set: start Jobdeck with `npm start`, or set it");
    globalForDb.jobdeckDb = createDb(url, { statementTimeoutMs: JOBDECK_STATEMENT_TIMEOUT_MS });
  }
  return globalForDb.jobdeckDb;
}

/** For tests and scripts that own their database: make getDb() use this one. */
export function setDb(db: Db | undefined): void {
  globalForDb.jobdeckDb = db;
}
