import { EmbeddedDbError } from "@/lib/db/embedded-errors";
import { resolveDatabase, type ResolvedDatabase } from "@/lib/db/resolve-database";

/** The command-line entry points' database: a folder the embedded one cannot use ends the command with its one sentence, not a stack trace. */
export async function databaseOrExit(): Promise<ResolvedDatabase> {
  try {
    return await resolveDatabase();
  } catch (err) {
    if (!(err instanceof EmbeddedDbError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
