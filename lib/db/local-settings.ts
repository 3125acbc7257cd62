import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "./client";

/**
 * Runs one read with PostgreSQL settings that last for it alone: `set_config(…, true)` (SET LOCAL)
 * and the read in one batch transaction, so the pooled connection goes back with its defaults.
 * Inside a caller's transaction a setting would outlive the read, so there the read runs as is (as
 * it does with no settings).
 */
export async function withLocalSettings<T>(
  db: Tx,
  settings: Readonly<Record<string, string>>,
  read: Prisma.PrismaPromise<T>,
): Promise<T> {
  if (!("$transaction" in db) || Object.keys(settings).length === 0) return read;
  const results = await (db as Db).$transaction([
    ...Object.entries(settings).map(
      ([name, value]) => db.$queryRaw`SELECT set_config(${name}, ${value}, true)`,
    ),
    read,
  ]);
  return results[results.length - 1] as T;
}
