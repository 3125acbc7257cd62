import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";

/**
 * The migrations must build exactly the schema that schema.prisma describes: apply them to one empty
 * database, apply Prisma's own rendering of the schema to another, and compare the catalogs.
 */
const admin = inject("pgAdminUrl");
const created: string[] = [];

async function run(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

async function emptyDatabase(): Promise<string> {
  const name = `jobdeck_drift_${randomBytes(5).toString("hex")}`;
  await run(admin, `CREATE DATABASE ${name}`);
  created.push(name);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

async function catalog(url: string) {
  const q = async (sql: string) => (await run(url, sql)).rows.map((r) => JSON.stringify(r)).sort();
  return {
    columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
    indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`),
    constraints: await q(`SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`),
    enums: await q(`SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname`),
  };
}

afterAll(async () => {
  for (const name of created) await run(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe("migrations", () => {
  it("build the same database as schema.prisma, with no drift", async () => {
    const migrated = await emptyDatabase();
    await applyMigrations(migrated);

    const fromSchema = await emptyDatabase();
    const sql = execFileSync(
      "node_modules/.bin/prisma",
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: fromSchema } },
    );
    await run(fromSchema, sql);

    const [a, b] = await Promise.all([catalog(migrated), catalog(fromSchema)]);
    expect(a.columns.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
  });
});
