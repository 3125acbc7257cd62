import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";

/**
 * The migrations must build exactly the schema that schema.prisma describes: apply them to one empty
 * database, apply Prisma's own rendering of the schema to another, and compare the catalogs.
 */
const admin = inject("pgAdminUrl");
const MIGRATION_ONLY_INDEXES = [
  "Job_history_runs_idx",
  "Job_day_endedAt_idx",
  "Job_day_progress_idx",
  "Job_day_bytesDone_idx",
];
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

/**
 * Prisma cannot express partitioning, so the comparison is of what it can express: the tables as
 * declared (a partitioned parent stands for its table; its partitions are the migrations' business and
 * are left out), their columns, indexes, constraints and enums. An index on a partitioned parent is
 * printed `ON ONLY`; that word is all that differs from the same index on a plain table.
 */
async function catalog(url: string) {
  const q = async (sql: string) => (await run(url, sql)).rows.map((r) => JSON.stringify(r)).sort();
  const declared = `SELECT c.relname FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND NOT c.relispartition AND c.relname <> '_prisma_migrations'`;
  return {
    columns:
      await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN (${declared})`),
    indexes:
      await q(`SELECT tablename, indexname, replace(indexdef, ' ON ONLY ', ' ON ') AS indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename IN (${declared})`),
    constraints:
      await q(`SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid IN (
        SELECT c.oid FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND NOT c.relispartition
          AND c.relname <> '_prisma_migrations')`),
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
      [
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: fromSchema } },
    );
    await run(fromSchema, sql);

    const [a, b] = await Promise.all([catalog(migrated), catalog(fromSchema)]);
    expect(a.columns.length).toBeGreaterThan(50);
    // Indexes schema.prisma cannot declare (partial, or with INCLUDE columns) live only in their
    // migrations: present there, then left out of the comparison.
    for (const name of MIGRATION_ONLY_INDEXES)
      expect(
        a.indexes.some((i) => JSON.parse(i).indexname === name),
        name,
      ).toBe(true);
    a.indexes = a.indexes.filter((i) => !MIGRATION_ONLY_INDEXES.includes(JSON.parse(i).indexname));
    expect(a).toEqual(b);

    // What the comparison leaves out, checked here: the three tables are partitioned by month on
    // their time, with this month, three ahead, and a default partition that takes any other time.
    const parts = await run(
      migrated,
      `SELECT p.relname AS parent, a.attname AS key, c.relname AS part, pg_get_expr(c.relpartbound, c.oid) AS bound
       FROM pg_partitioned_table t JOIN pg_class p ON p.oid = t.partrelid
       JOIN pg_attribute a ON a.attrelid = t.partrelid AND a.attnum = t.partattrs[0]
       JOIN pg_inherits i ON i.inhparent = p.oid JOIN pg_class c ON c.oid = i.inhrelid
       WHERE t.partstrat = 'r' ORDER BY 1, 3`,
    );
    const month = (ahead: number) => {
      const now = new Date();
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 1));
      return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
    };
    for (const [parent, key] of [
      ["JobEvent", "at"],
      ["JobLogLine", "jobSeenAt"],
      ["JobSample", "at"],
    ]) {
      const mine = parts.rows.filter((r) => r.parent === parent);
      expect(mine.every((r) => r.key === key)).toBe(true);
      expect(mine.map((r) => r.part).sort()).toEqual(
        [...[0, 1, 2, 3].map((n) => `${parent}_p${month(n)}`), `${parent}_default`].sort(),
      );
      expect(mine.find((r) => r.part === `${parent}_default`)?.bound).toBe("DEFAULT");
    }
  });

  it("move every event, sample and log line into monthly partitions, keeping ids, keys and cascades", async () => {
    const url = await emptyDatabase();
    const dir = path.join("prisma", "migrations");
    const target = "20261201050124_partition_event_storage";
    const names = readdirSync(dir)
      .filter((n) => /^\d{14}_/.test(n))
      .sort();
    for (const name of names.filter((n) => n < target))
      await run(url, readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
    const job = "00000000-0000-4000-8000-00000000000a";
    await run(
      url,
      `INSERT INTO "Source" (id, kind, name, "baseUrl", "updatedAt") VALUES ('00000000-0000-0000-0000-0000000000a1', 'dfm', 'DFM', 'https://dfm', now());
       INSERT INTO "Job" (id, "sourceId", kind, "vendorId", type, name, state, "vendorState", "sortAt", raw, "firstSeenAt", "updatedAt")
         VALUES ('${job}', '00000000-0000-0000-0000-0000000000a1', 'dfm', '7', 'mirror', 'm', 'succeeded', 'completed', '2025-03-10', '{}', '2025-03-09T12:00:00Z', now());
       INSERT INTO "JobEvent" ("jobId", "vendorKey", at, severity, type, message, raw) VALUES
         ('${job}', 'a', '2025-03-10T01:00:00Z', 'info', 't', 'one', '{"n":1}'),
         ('${job}', 'b', '2025-04-02T01:00:00Z', 'warning', 't', 'two', NULL),
         ('${job}', 'c', '1970-01-01T00:00:00Z', 'error', 't', 'three', '{"n":3}');
       INSERT INTO "JobSample" ("jobId", at, "bytesDone", "bytesPerSec", percent) VALUES
         ('${job}', '2025-03-10T01:00:00Z', 10, 1.5, 50), ('${job}', '2025-05-01T00:00:00Z', 20, 2.5, 100);
       INSERT INTO "JobLogLine" ("jobId", seq, at, level, text) VALUES
         ('${job}', 0, NULL, NULL, 'first'), ('${job}', 1, '2025-03-10T01:00:00Z', 'INFO', 'second');`,
    );
    const before = await run(url, `SELECT id, "vendorKey", at, raw FROM "JobEvent" ORDER BY id`);
    await run(url, readFileSync(path.join(dir, target, "migration.sql"), "utf8"));

    const where = async (table: string) =>
      (
        await run(
          url,
          `SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM "${table}" GROUP BY 1 ORDER BY 1`,
        )
      ).rows;
    expect(await where("JobEvent")).toEqual([
      { part: '"JobEvent_default"', n: 1 },
      { part: '"JobEvent_p202503"', n: 1 },
      { part: '"JobEvent_p202504"', n: 1 },
    ]);
    expect(await where("JobSample")).toEqual([
      { part: '"JobSample_p202503"', n: 1 },
      { part: '"JobSample_p202505"', n: 1 },
    ]);
    expect(await where("JobLogLine")).toEqual([{ part: '"JobLogLine_p202503"', n: 2 }]);
    const after = await run(url, `SELECT id, "vendorKey", at, raw FROM "JobEvent" ORDER BY id`);
    expect(after.rows).toEqual(before.rows);
    const lines = await run(
      url,
      `SELECT seq, at, level, text, "jobSeenAt" FROM "JobLogLine" ORDER BY seq`,
    );
    expect(lines.rows.map((r) => [r.seq, r.at, r.level, r.text])).toEqual([
      [0, null, null, "first"],
      [1, new Date("2025-03-10T01:00:00Z"), "INFO", "second"],
    ]);
    expect(
      lines.rows.every((r) => (r.jobSeenAt as Date).toISOString() === "2025-03-09T12:00:00.000Z"),
    ).toBe(true);

    // The id sequence carries on, keys hold, and deleting the job still removes its rows.
    const next = await run(
      url,
      `INSERT INTO "JobEvent" ("jobId", "vendorKey", at, severity, type, message) VALUES ('${job}', 'd', now(), 'info', 't', 'four') RETURNING id`,
    );
    expect(BigInt(next.rows[0].id)).toBeGreaterThan(BigInt(before.rows[2].id));
    await expect(
      run(
        url,
        `INSERT INTO "JobEvent" ("jobId", "vendorKey", at, severity, type, message) VALUES ('${job}', 'a', '2025-03-10T01:00:00Z', 'info', 't', 'again')`,
      ),
    ).rejects.toThrow(/duplicate key/);
    await run(url, `DELETE FROM "Job" WHERE id = '${job}'`);
    const left = await run(
      url,
      `SELECT (SELECT count(*) FROM "JobEvent")::int + (SELECT count(*) FROM "JobSample")::int + (SELECT count(*) FROM "JobLogLine")::int AS n`,
    );
    expect(left.rows[0].n).toBe(0);
  });

  it("move every RTO target change into the audit trail, keeping who, when, group, source, from and to", async () => {
    const url = await emptyDatabase();
    const dir = path.join("prisma", "migrations");
    const target = "20261201014323_target_changes_in_audit_trail_and_rpo_targets";
    const names = readdirSync(dir)
      .filter((n) => /^\d{14}_/.test(n))
      .sort();
    for (const name of names.filter((n) => n < target))
      await run(url, readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
    await run(
      url,
      `INSERT INTO "User" (id, name, email, "emailVerified", role, "createdAt", "updatedAt") VALUES ('u1', 'Ada', 'ada@example.com', true, 'admin', now(), now());
       INSERT INTO "Source" (id, kind, name, "baseUrl", "updatedAt") VALUES ('00000000-0000-0000-0000-0000000000a1', 'commvault', 'CommServe', 'https://cs', now());
       INSERT INTO "RtoTargetChange" (at, "userId", actor, "sourceId", "group", "fromMs", "toMs") VALUES
         ('2026-11-01T10:00:00Z', 'u1', 'Ada', NULL, 'SQL-Prod', NULL, 600000),
         ('2026-11-02T10:00:00Z', 'gone-user', 'Bob', '00000000-0000-0000-0000-0000000000a1', 'SQL-Prod', 600000, 900000),
         ('2026-11-03T10:00:00Z', 'u1', 'Ada', '00000000-0000-0000-0000-0000000000b2', 'HR', 60000, NULL)`,
    );
    await run(url, readFileSync(path.join(dir, target, "migration.sql"), "utf8"));
    const moved = await run(
      url,
      `SELECT a.action, a.actor, a."actorEmail", a."actorId", a."userId", a."sourceId", a.params, a.status, a."vendorReply", a."requestedAt",
              (SELECT array_agg(stage ORDER BY id) FROM "AuditEntry" e WHERE e."actionId" = a.id) AS stages
       FROM "Action" a ORDER BY a."requestedAt"`,
    );
    expect(
      moved.rows.map((r) => [
        r.action,
        r.actor,
        r.actorEmail,
        r.actorId,
        r.userId,
        r.sourceId,
        r.status,
        r.vendorReply,
        r.stages,
      ]),
    ).toEqual([
      [
        "set-rto-target",
        "Ada",
        "ada@example.com",
        "u1",
        "u1",
        null,
        "succeeded",
        "RTO target for SQL-Prod: none → 600s",
        ["requested", "succeeded"],
      ],
      [
        "set-rto-target",
        "Bob",
        null,
        "gone-user",
        null,
        "00000000-0000-0000-0000-0000000000a1",
        "succeeded",
        "RTO target for SQL-Prod on CommServe: 600s → 900s",
        ["requested", "succeeded"],
      ],
      // The source this one named was deleted since: the row keeps its id in params, not a dangling reference.
      [
        "remove-rto-target",
        "Ada",
        "ada@example.com",
        "u1",
        "u1",
        null,
        "succeeded",
        "RTO target for HR: 60s → removed",
        ["requested", "succeeded"],
      ],
    ]);
    expect(moved.rows[2]?.params).toEqual({
      measure: "rto",
      group: "HR",
      sourceId: "00000000-0000-0000-0000-0000000000b2",
      fromMs: 60000,
      toMs: null,
    });
    expect((moved.rows[0]?.requestedAt as Date).toISOString()).toBe("2026-11-01T10:00:00.000Z");
    const table = await run(url, `SELECT to_regclass('"RtoTargetChange"') AS t`);
    expect(table.rows[0]?.t).toBeNull();
  });
});
