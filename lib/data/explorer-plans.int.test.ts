import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobListQuery } from "@/lib/contracts/jobs";
import { JOB_SORT_KEYS } from "@/lib/contracts/jobs";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getHistorySummary } from "@/lib/services/history/history-summary";
import { historyListQuery } from "@/lib/contracts/history";
import { CATEGORY_TYPES } from "@/lib/domain/rto";
import { toHistoryFilters } from "@/lib/services/history/filters";
import { jobFiltersFromQuery } from "@/lib/services/jobs/job-filters";
import { generateEstate } from "@/lib/testing/estate-sql";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { listPastRuns } from "./baselines";
import { listHistoryRows } from "./history";
import { countJobsByVendor } from "./job-counts";
import { listJobs } from "./jobs";
import { getTimeline } from "./timeline";

/**
 * Every list query the explorer can send, EXPLAINed against an estate large enough that PostgreSQL
 * would rather scan the table than sort a big match (the plan is what is asserted, never a time):
 * no plan may read Job sequentially.
 */
const ESTATE_JOBS = 150_000;
const NOW = new Date("2026-06-01T00:00:00Z");

let t: TestDatabase;
let traced: PrismaClient<"query">;
const captured: Array<{ query: string; params: string }> = [];
let sourceIds: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  ({ sourceIds } = await generateEstate(t.db, { jobs: ESTATE_JOBS, now: NOW }));
  traced = new PrismaClient({
    adapter: new PrismaPg({ connectionString: t.url, max: 2 }),
    log: [{ emit: "event", level: "query" }],
  });
  traced.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
}, 240_000);
afterAll(async () => {
  await traced?.$disconnect();
  await t?.drop();
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/** EXPLAINs a statement Prisma sent, with the parameters it sent (a custom plan, as executed). */
async function planOf(sql: string, params: unknown[]): Promise<PlanNode> {
  const rows = await t.db.$queryRawUnsafe<Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>>(
    `EXPLAIN (FORMAT JSON) ${sql}`,
    ...params,
  );
  const plan = rows[0]?.["QUERY PLAN"][0]?.Plan;
  if (!plan) throw new Error(`no plan for ${sql}`);
  return plan;
}

/** Runs `work` on the tracing client and returns the plan of every statement that read Job. */
async function jobPlans(
  work: (db: PrismaClient<"query">) => Promise<unknown>,
): Promise<Array<{ sql: string; scans: string[]; indexes: Array<string | undefined> }>> {
  captured.length = 0;
  await work(traced);
  const reads = captured.filter(
    (c) => /FROM "public"\."Job"|FROM "Job"/.test(c.query) && /^\s*(SELECT|WITH)/i.test(c.query),
  );
  expect(reads.length).toBeGreaterThan(0);
  return Promise.all(
    reads.map(async (c) => {
      const plan = await planOf(c.query, JSON.parse(c.params) as unknown[]);
      // A bitmap heap scan names its table, and the bitmap index scan under it the index.
      const reads = nodes(plan).filter(
        (n) => n["Relation Name"] === "Job" || n["Index Name"]?.startsWith("Job_"),
      );
      return {
        sql: c.query,
        scans: reads.map((n) => n["Node Type"]),
        indexes: reads.map((n) => n["Index Name"]),
      };
    }),
  );
}

async function expectIndexServed(search: Record<string, string>) {
  const filters = jobFiltersFromQuery(jobListQuery.parse({ limit: "50", ...search }), NOW);
  const plans = await jobPlans((db) => listJobs(filters, db));
  for (const p of plans)
    expect(p.scans, `${JSON.stringify(search)}\n${p.sql}`).not.toContain("Seq Scan");
  // Page two, from the cursor page one handed out: the keyset condition must keep the plan.
  const first = await listJobs(filters, t.db);
  if (!first.nextCursor) return;
  const next = jobFiltersFromQuery(
    jobListQuery.parse({ limit: "50", ...search, cursor: first.nextCursor }),
    NOW,
  );
  for (const p of await jobPlans((db) => listJobs(next, db)))
    expect(p.scans, `${JSON.stringify(search)} page 2\n${p.sql}`).not.toContain("Seq Scan");
}

describe(`explorer plans at ${ESTATE_JOBS.toLocaleString("en")} jobs`, () => {
  it("has the estate it claims, with statistics", async () => {
    const [row] = await t.db.$queryRaw<
      Array<{ n: number }>
    >`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'Job'`;
    expect(row?.n).toBeGreaterThan(ESTATE_JOBS * 0.9);
  });

  it("serves every sort, both directions, from an index", async () => {
    for (const sort of JOB_SORT_KEYS) {
      for (const order of ["asc", "desc"]) await expectIndexServed({ sort, order });
    }
  });

  it("walks an unfiltered window's nullable sort day by day on the value's day index", async () => {
    const keys = { bytes: "bytesDone", progress: "progress", ended: "endedAt" } as const;
    for (const [sort, column] of Object.entries(keys)) {
      for (const order of ["asc", "desc"]) {
        const filters = jobFiltersFromQuery(jobListQuery.parse({ limit: "50", sort, order }), NOW);
        const plans = await jobPlans((db) => listJobs(filters, db));
        expect(plans.flatMap((p) => p.indexes)).toContain(`Job_day_${column}_idx`);
        // Only the page's rows are read whole; no read of Job walks the value's own index.
        expect(plans.flatMap((p) => p.indexes)).not.toContain(`Job_${column}_id_idx`);
      }
    }
  });

  it("serves every filter, alone and with a sort, from an index", async () => {
    const filters: Array<Record<string, string>> = [
      { state: "failed" },
      { state: "running" },
      { kind: "ontap" },
      { source: sourceIds[3] ?? "" },
      { type: "restore" },
      { q: "vol42 " },
      { q: "policy-17" },
      { from: "2026-03-01T00:00:00Z", to: "2026-03-08T00:00:00Z" },
      { gone: "exclude" },
      { state: "failed", kind: "dfm", q: "mirror" },
    ];
    for (const f of filters) {
      await expectIndexServed(f);
      await expectIndexServed({ ...f, sort: "name", order: "asc" });
      await expectIndexServed({ ...f, sort: "ended", order: "desc" });
    }
  });

  it("answers the timeline, bars or density, without reading Job sequentially", async () => {
    const day = 86_400_000;
    for (const [days, group] of [
      [0.25, "source"],
      [2, "cluster"],
      [30, "source"],
      [365, "dataset"],
    ] as const) {
      const from = new Date(NOW.getTime() - days * day);
      const plans = await jobPlans((db) =>
        getTimeline({ from, to: NOW, group, maxBars: 400, buckets: 200, now: NOW }, db),
      );
      for (const p of plans) expect(p.scans, `${days} days\n${p.sql}`).not.toContain("Seq Scan");
    }
  });

  it("counts per vendor from indexes", async () => {
    const plans = await jobPlans((db) => countJobsByVendor(NOW, db));
    for (const p of plans) expect(p.scans, p.sql).not.toContain("Seq Scan");
  });

  it("reads failover history in its default window, list and summary, without reading Job sequentially", async () => {
    for (const search of [
      {},
      { kind: "eyeglass" },
      { outcome: "failed" },
      { group: "policy-17" },
      { from: "2025-07-01T00:00:00Z" },
    ]) {
      const filters = toHistoryFilters(historyListQuery.parse(search), NOW);
      expect(filters.from, JSON.stringify(search)).toBeInstanceOf(Date);
      for (const p of await jobPlans((db) =>
        listHistoryRows(filters, { cursor: null, limit: 50 }, db),
      ))
        expect(p.scans, `${JSON.stringify(search)}\n${p.sql}`).not.toContain("Seq Scan");
      for (const p of await jobPlans((db) => getHistorySummary(filters, NOW, db)))
        expect(p.scans, `summary ${JSON.stringify(search)}\n${p.sql}`).not.toContain("Seq Scan");
    }
  });

  it("reads the history summary's runs from their own covering index", async () => {
    for (const search of [{}, { category: "readiness,mirror,restore" }, { kind: "dfm" }]) {
      const filters = toHistoryFilters(historyListQuery.parse(search), NOW);
      for (const p of await jobPlans((db) => getHistorySummary(filters, NOW, db))) {
        expect(p.scans, `${JSON.stringify(search)}\n${p.sql}`).not.toContain("Seq Scan");
        // The run aggregates; phase statistics may start from the phases and look runs up by id.
        if (p.sql.includes("base AS MATERIALIZED"))
          expect(p.indexes, `${JSON.stringify(search)}\n${p.sql}`).toEqual(
            p.indexes.map(() => "Job_history_runs_idx"),
          );
      }
    }
  });

  it("holds every (kind, type) of every run category in that index", async () => {
    const [index] = await t.db.$queryRaw<Array<{ predicate: string }>>`
      SELECT pg_get_expr(i.indpred, i.indrelid) AS predicate FROM pg_index i
      WHERE i.indexrelid = '"Job_history_runs_idx"'::regclass`;
    expect(index?.predicate).toBeTruthy();
    for (const [category, types] of Object.entries(CATEGORY_TYPES))
      for (const { kind, type } of types) {
        const [row] = await t.db.$queryRawUnsafe<Array<{ held: boolean }>>(
          `SELECT (${index?.predicate ?? "false"}) AS held FROM (SELECT $1::"SourceKind" AS kind, $2::text AS type) AS "Job"`,
          kind,
          type,
        );
        expect(row?.held, `${category}: ${kind} ${type}`).toBe(true);
      }
  });

  it("reads a running job's past runs (its ETA baseline) from the baseline index", async () => {
    const [running] = await t.db.job.findMany({
      where: { state: "running", policy: { not: null }, dataset: { not: null } },
      take: 1,
      select: { id: true },
    });
    expect(running).toBeDefined();
    const plans = await jobPlans((db) => listPastRuns(running?.id ?? "", db));
    const past = plans.filter((p) => /ORDER BY/.test(p.sql));
    expect(past).toHaveLength(1);
    expect(past[0]?.indexes, past[0]?.sql).toEqual(["Job_baseline_idx"]);
  });
});
