/** Applies every migration to DATABASE_URL, or to the embedded database when it is unset. */
import { applyMigrations } from "@/lib/db/migrate";
import { databaseOrExit } from "./database-or-exit";

const db = await databaseOrExit();
try {
  await applyMigrations(db.url);
  console.log(`migrations applied to ${db.embedded ? "the embedded database" : "DATABASE_URL"}`);
} finally {
  await db.stop();
}
