import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { freePort } from "@/lib/testing/free-port";

export interface BenchDatabase {
  url: string;
  db: Db;
  stop(): Promise<void>;
}

/** A throwaway, migrated embedded PostgreSQL: benchmarks never touch the demo's data. */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), "jobdeck-bench-"));
  await chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dir, "data"),
    port: await freePort(),
  });
  await applyMigrations(pg.url);
  const db = createDb(pg.url);
  return {
    url: pg.url,
    db,
    stop: async () => {
      await db.$disconnect();
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const i = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[i] ?? Number.NaN;
}
