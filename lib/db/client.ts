import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * `statementTimeoutMs`: PostgreSQL cancels any statement running longer, so one runaway query
 * cannot hold a pooled connection (the web app sets it; the worker's bulk writes do not).
 */
export function createDb(connectionString: string, opts: { statementTimeoutMs?: number } = {}) {
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString,
      max: 10,
      ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
    }),
    // Credentials never leave the database by accident: code that needs them asks with `omit: { secretEnc: false }`.
    omit: { source: { secretEnc: true } },
  });
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
