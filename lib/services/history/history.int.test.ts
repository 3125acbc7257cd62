import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { setTarget } from "@/lib/data/targets";
import { buildDrGroups } from "@/lib/simulators/commvault/estate";
import { Rng } from "@/lib/simulators/engine/rng";
import { PAIRS } from "@/lib/simulators/eyeglass/topology";
import {
  pollSimulatedSource,
  simPost,
  startSimulatedSource,
  type SimulatedSourceFixture,
} from "@/lib/testing/sim-source";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { getEvidenceReport, signOffRun } from "./evidence";
import { streamHistoryCsv } from "./export-history";
import { getHistorySummary } from "./history-summary";
import { listHistory } from "./list-history";
import { historyListQuery } from "@/lib/contracts/history";
import { toHistoryFilters } from "@/lib/services/history/filters";
import type { HistoryRun } from "@/lib/contracts/history";

const HOUR = 3_600_000;
const JAN = Date.UTC(2027, 0, 12, 9, 0, 0);
const APR = Date.UTC(2027, 3, 10, 9, 0, 0);
const SEED = 1;
// The simulator's DR groups are seeded: the same seed gives the same ids.
const groups = buildDrGroups(new Rng(SEED ^ 0x5bd1e995));
const groupId = (name: string) => groups.find((g) => g.name === name)?.id;
const zones = PAIRS.flatMap((p) => p.zones.map((z) => z.name));
/** No generated estate: only the runs this test scripts exist. */
const QUIET_COMMVAULT = {
  liveJobs: false,
  historyMs: 2 * 86_400_000,
  historyDensity: 0,
  meanIntervalMs: 100 * 365 * 86_400_000,
};

let t: TestDatabase;
let cv: SimulatedSourceFixture;
let eg: SimulatedSourceFixture;

const poll = (fx: SimulatedSourceFixture) => pollSimulatedSource(t.db, fx);

async function cvJob(type: string, group: string, rtoMs?: number) {
  return (
    await simPost(cv, "jobs", { type, drGroupId: groupId(group), ...(rtoMs ? { rtoMs } : {}) })
  ).vendorId;
}

const list = (query: Record<string, string>) =>
  listHistory(historyListQuery.parse({ limit: "100", ...query }), t.db);
const byVendorId = (runs: HistoryRun[]) => new Map(runs.map((r) => [r.vendorId, r]));

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  cv = await startSimulatedSource(t.db, "commvault", { seed: SEED, scenario: QUIET_COMMVAULT });
  eg = await startSimulatedSource(t.db, "eyeglass", {
    seed: SEED,
    scenario: {
      randomFailovers: false,
      demoFailovers: false,
      readinessIntervalMs: 86_400_000,
      replicationIntervalMs: 12 * HOUR,
      scriptedFailovers: [
        { startsAt: JAN + HOUR, kind: "failover", rtoMs: 754_321, durationMs: 1_800_000 },
        { startsAt: JAN + 25 * HOUR, kind: "drtest", rtoMs: 120_000, durationMs: 1_800_000 },
        {
          startsAt: JAN + 49 * HOUR,
          kind: "failover",
          rtoMs: 400_000,
          durationMs: 1_800_000,
          outcome: "failed",
        },
      ],
    },
  });
  await setTarget("rto", { sourceId: null, group: "SQL-Prod", targetMs: 700_000 }, t.db);
  await setTarget("rto", { sourceId: null, group: "Exchange-DAG", targetMs: 1_800_000 }, t.db);

  cv.clock.set(JAN);
  ids.test1 = await cvJob("test-failover", "SQL-Prod", 600_000);
  cv.clock.advance(3 * HOUR);
  ids.planned = await cvJob("planned-failover", "SQL-Prod", 900_000);
  cv.clock.advance(3 * HOUR);
  await poll(cv);
  ids.unplanned = await cvJob("unplanned-failover", "Finance-ERP");
  cv.clock.advance(45_000);
  await simPost(cv, `jobs/${ids.unplanned}/fail`);
  cv.clock.advance(HOUR);
  await poll(cv);
  cv.clock.set(APR);
  ids.test2 = await cvJob("test-failover", "SQL-Prod", 300_000);
  cv.clock.advance(3 * HOUR);
  ids.test3 = await cvJob("test-failover", "Finance-ERP", 1_200_000);
  cv.clock.advance(3 * HOUR);
  await poll(cv);

  eg.clock.set(JAN + 52 * HOUR);
  await poll(eg);
}, 120_000);

afterAll(async () => {
  await cv?.close();
  await eg?.close();
  setDb(undefined);
  await t?.drop();
});

describe("failover history from scripted simulator runs", () => {
  it("measures Commvault RTO to the end of Post VM Failover, exactly as the simulator scripted it", async () => {
    const page = await list({ kind: "commvault" });
    const runs = byVendorId(page.items);
    expect(page.items).toHaveLength(5);
    const row = (key: string) => {
      const r = runs.get(ids[key] ?? "");
      return [r?.category, r?.group, r?.outcome, r?.rtoMs, r?.rtoTargetMs, r?.rtoMet];
    };
    expect(row("test1")).toEqual(["test", "SQL-Prod", "succeeded", 600_000, 700_000, true]);
    expect(row("planned")).toEqual(["planned", "SQL-Prod", "succeeded", 900_000, 700_000, false]);
    expect(row("unplanned")).toEqual(["unplanned", "Finance-ERP", "failed", null, null, null]);
    expect(row("test2")).toEqual(["test", "SQL-Prod", "succeeded", 300_000, 700_000, true]);
    expect(row("test3")).toEqual(["test", "Finance-ERP", "succeeded", 1_200_000, null, null]);
    // A planned failover syncs inside the run: nothing is lost at cut-over. A test has no replication.
    expect(runs.get(ids.planned ?? "")?.rpoMs).toBe(0);
    expect(runs.get(ids.test1 ?? "")?.rpoMs).toBeNull();
    for (const r of page.items)
      expect(r.rtoMs === null || (r.durationMs ?? 0) > r.rtoMs).toBe(true);
  });

  it("measures Eyeglass RTO to the end of Make target writable; a failed writable step has none", async () => {
    const page = await list({ kind: "eyeglass" });
    const runs = [...page.items].sort((a, b) =>
      (a.startedAt ?? "").localeCompare(b.startedAt ?? ""),
    );
    expect(runs.map((r) => [r.category, r.group, r.rtoMs, r.startedAt])).toEqual([
      ["failover", zones[0], 754_321, new Date(JAN + HOUR).toISOString()],
      ["test", zones[1], 120_000, new Date(JAN + 25 * HOUR).toISOString()],
      ["failover", zones[2], null, new Date(JAN + 49 * HOUR).toISOString()],
    ]);
    expect(runs.map((r) => r.outcome)).toEqual(["succeeded", "succeeded", "failed"]);
    const summary = await getHistorySummary(
      toHistoryFilters({ kind: ["eyeglass"] }),
      new Date(JAN + 52 * HOUR),
      t.db,
    );
    expect([summary.runs, summary.successRate, summary.rto.medianMs, summary.rto.p90Ms]).toEqual([
      3,
      2 / 3,
      437_160.5,
      754_321,
    ]);
  });

  it("summarises success rate, median/p90, monthly and quarterly trends and untested groups", async () => {
    const summary = await getHistorySummary(
      toHistoryFilters({ kind: ["commvault"] }),
      new Date(APR + 7 * HOUR),
      t.db,
    );
    expect([summary.runs, summary.finished, summary.succeeded, summary.successRate]).toEqual([
      5, 5, 4, 0.8,
    ]);
    expect(summary.rto).toEqual({
      measured: 4,
      medianMs: 750_000,
      p90Ms: 1_200_000,
      withTarget: 3,
      metTarget: 2,
    });
    expect(
      summary.months.map((m) => [
        m.period,
        m.runs,
        m.succeeded,
        m.successRate,
        m.rtoMedianMs,
        m.rtoP90Ms,
      ]),
    ).toEqual([
      ["2027-01", 3, 2, 2 / 3, 750_000, 900_000],
      ["2027-04", 2, 2, 1, 750_000, 1_200_000],
    ]);
    expect(summary.quarters.map((q) => [q.period, q.runs, q.successRate, q.rtoMedianMs])).toEqual([
      ["2027-Q1", 3, 2 / 3, 750_000],
      ["2027-Q2", 2, 1, 750_000],
    ]);
    expect(summary.quarter).toBe("2027-Q2");
    expect(
      summary.groups.map((g) => [
        g.group,
        g.runs,
        g.successRate,
        g.rtoMedianMs,
        g.rtoP90Ms,
        g.rtoTargetMs,
        g.testsThisQuarter,
      ]),
    ).toEqual([
      ["Exchange-DAG", 0, null, null, null, null, 0],
      ["Finance-ERP", 2, 0.5, 1_200_000, 1_200_000, null, 1],
      ["SQL-Prod", 3, 1, 600_000, 900_000, 700_000, 1],
    ]);
    expect(summary.neverTestedThisQuarter).toEqual(["Exchange-DAG"]);
    expect(summary.slowestPhases.length).toBeGreaterThan(0);
    const inJanuary = await getHistorySummary(
      toHistoryFilters({ kind: ["commvault"], to: new Date(APR) }),
      new Date(APR + 7 * HOUR),
      t.db,
    );
    expect([inJanuary.runs, inJanuary.successRate, inJanuary.rto.medianMs]).toEqual([
      3,
      2 / 3,
      750_000,
    ]);
  });

  it("filters by type, outcome and group, and exports exactly the filtered rows as CSV", async () => {
    const tests = await list({ kind: "commvault", category: "test" });
    expect(tests.items.map((r) => r.vendorId).sort()).toEqual(
      [ids.test1, ids.test2, ids.test3].sort(),
    );
    const failed = await list({ outcome: "failed" });
    expect(failed.items.map((r) => [r.kind, r.group])).toEqual([
      ["eyeglass", zones[2]],
      ["commvault", "Finance-ERP"],
    ]);
    const sql = await list({ group: "SQL-Prod" });
    expect(sql.items.map((r) => r.vendorId).sort()).toEqual(
      [ids.test1, ids.planned, ids.test2].sort(),
    );
    const csv = await new Response(
      streamHistoryCsv(toHistoryFilters({ kind: ["commvault"], category: ["test"] }), t.db),
    ).text();
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(tests.items.map((r) => r.id));
    expect(lines.slice(1).map((l) => l.split(",")[16])).toEqual(
      tests.items.map((r) => String(r.rtoMs)),
    );
  });

  it("builds the evidence report with phase timings, the service phase, target, audit and sign-off", async () => {
    const run = (await list({ kind: "commvault", category: "planned" })).items[0];
    if (!run) throw new Error("planned failover missing");
    await signOffRun(
      run.id,
      { kind: "user", id: null, name: "Dana Manager", role: "operator" },
      "Reviewed: RTO over target, ticket DR-42.",
      t.db,
    );
    const report = await getEvidenceReport(run.id, t.db);
    expect(report?.run.rtoMs).toBe(900_000);
    expect(report?.run.rtoTargetMs).toBe(700_000);
    const service = report?.phases.filter((p) => p.service) ?? [];
    expect(service.length).toBe(groups.find((g) => g.name === "SQL-Prod")?.pairs.length);
    for (const p of service)
      expect(new Date(p.endedAt ?? 0).getTime() - new Date(run.startedAt ?? 0).getTime()).toBe(
        900_000,
      );
    expect(report?.signOffs.map((s) => [s.author, s.note])).toEqual([
      ["Dana Manager", "Reviewed: RTO over target, ticket DR-42."],
    ]);
    expect(report?.run.submittedBy).toBe("admin");
    expect(await getEvidenceReport("00000000-0000-0000-0000-000000000000", t.db)).toBeNull();
  });
});
