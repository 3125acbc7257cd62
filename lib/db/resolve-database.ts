import path from "node:path";
import { env } from "@/lib/env";
import { startEmbeddedPostgres } from "./embedded";

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL in the data directory, started now. */
export async function resolveDatabase(): Promise<ResolvedDatabase> {
  const { DATABASE_URL, JOBDECK_DATA_DIR, JOBDECK_PG_PORT } = env();
  if (DATABASE_URL) return { url: DATABASE_URL, embedded: false, stop: async () => {} };
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(JOBDECK_DATA_DIR, "pg"),
    port: JOBDECK_PG_PORT,
  });
  return { url: pg.url, embedded: true, stop: pg.stop };
}
