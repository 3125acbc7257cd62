import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";

/** One statement a piece of code sent, as PostgreSQL received it. */
export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

/**
 * A database client that records every statement it sends (Prisma's query events), so a test or
 * benchmark can run a condition exactly as the worker does and then ask PostgreSQL how it planned
 * each statement.
 */
export function createRecordingDb(url: string): { db: Db; take(): CapturedQuery[] } {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 4 }),
    omit: { source: { secretEnc: true } },
    log: [{ emit: "event", level: "query" }],
  });
  let captured: CapturedQuery[] = [];
  client.$on("query", (e) => {
    captured.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] });
  });
  return {
    // Same models and methods as the application's client; only the logging option differs.
    db: client as unknown as Db,
    take: () => {
      const out = captured;
      captured = [];
      return out;
    },
  };
}

export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

/**
 * PostgreSQL's plan for a recorded statement. `seqScan: false` prices sequential and bitmap scans
 * out, so a small test database shows the plan a large estate gets (reading all of a table then
 * remains only where no index condition can narrow it). Parameters go untyped, as the
 * application's driver sends them.
 */
export async function explain(
  url: string,
  q: CapturedQuery,
  opts: { seqScan?: boolean; analyze?: boolean } = {},
): Promise<PlanNode> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    // Small tables make reading everything (or a bitmap of a whole series, then a sort) look cheap;
    // on an estate's million rows the planner walks an index in order and stops early instead.
    if (opts.seqScan === false) {
      await client.query("SET LOCAL enable_seqscan = off");
      await client.query("SET LOCAL enable_bitmapscan = off");
    }
    const res = await client.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (FORMAT JSON${opts.analyze ? ", ANALYZE" : ""}) ${q.sql}`,
      q.params.map((p) => (p !== null && typeof p === "object" ? JSON.stringify(p) : p)),
    );
    await client.query("ROLLBACK");
    const plan = res.rows[0]?.["QUERY PLAN"][0]?.Plan;
    if (!plan) throw new Error("EXPLAIN returned no plan");
    return plan;
  } finally {
    await client.end();
  }
}

/**
 * Whether the plan reads all of `table`: a sequential scan, or an index scan with no index
 * condition (with sequential scans priced out, the planner walks a whole index instead, which is
 * just as much work).
 */
export function readsAllOf(plan: PlanNode, table: string): boolean {
  return planNodes(plan).some(
    (n) =>
      n["Relation Name"] === table &&
      (n["Node Type"] === "Seq Scan" ||
        (/^Index (Only )?Scan$/.test(n["Node Type"]) && !n["Index Cond"])),
  );
}

/**
 * How many rows of `table` the statement actually touched (EXPLAIN ANALYZE: rows each scan of it
 * returned plus those it read and filtered away, over all its loops). A count, not a time: the same
 * data gives the same figure on any machine.
 */
export function rowsRead(plan: PlanNode, table: string): number {
  return planNodes(plan)
    .filter((n) => n["Relation Name"] === table)
    .reduce(
      (sum, n) =>
        sum +
        ((n["Actual Rows"] ?? 0) +
          (n["Rows Removed by Filter"] ?? 0) +
          (n["Rows Removed by Index Recheck"] ?? 0)) *
          (n["Actual Loops"] ?? 1),
      0,
    );
}

/** Every node of a plan, depth first. */
export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** "Seq Scan on Job" / "Index Scan using Job_endedAt_id_idx": how each table is read, as EXPLAIN says it. */
export function describeAccess(plan: PlanNode): string[] {
  return planNodes(plan)
    .filter((n) => n["Relation Name"] || n["Index Name"])
    .map((n) =>
      n["Index Name"]
        ? `${n["Node Type"]} using ${n["Index Name"]}`
        : `${n["Node Type"]} on ${n["Relation Name"]}`,
    );
}
