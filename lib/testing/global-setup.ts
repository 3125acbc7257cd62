import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { freePort } from "./free-port";

export const TEMPLATE_DB = "jobdeck_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/**
 * One real PostgreSQL for the integration run: TEST_DATABASE_URL's server when given (an admin URL
 * whose user may create databases), otherwise a throwaway embedded one. Migrations are applied once
 * to a template database that each test file clones (lib/testing/test-db.ts).
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  let adminUrl: string;
  let stop = async () => {};
  if (external) {
    adminUrl = external;
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), "jobdeck-pg-"));
    // mkdtemp makes a 0700 directory; when run as root the server runs as `postgres` and must enter it.
    await chmod(dir, 0o755);
    const db = await startEmbeddedPostgres({
      dataDir: path.join(dir, "data"),
      port: await freePort(),
      database: "postgres",
    });
    adminUrl = db.url;
    stop = async () => {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  await applyMigrations(templateUrl.toString());
  project.provide("pgAdminUrl", adminUrl);
  return stop;
}
