import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDrGroups } from "@/lib/simulators/commvault/estate";
import { Rng } from "@/lib/simulators/engine/rng";
import type { RunningWorker } from "@/lib/sync/worker";
import { makeDueNow } from "@/lib/sync/leases";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createRule } from "./testing/rules";
import { startWorkers } from "./testing/workers";

/** The RTO rule against a scripted Commvault DR simulator (exact RTO per run), with two workers. */
const SEED = 11;
const HOUR = 3_600_000;
const QUIET_COMMVAULT = {
  liveJobs: false,
  historyMs: 2 * 86_400_000,
  historyDensity: 0,
  meanIntervalMs: 100 * 365 * 86_400_000,
};
// The simulator's DR groups are seeded: the same seed gives the same ids.
const sqlProd = buildDrGroups(new Rng(SEED ^ 0x5bd1e995)).find((g) => g.name === "SQL-Prod")?.id;

let t: TestDatabase;
let cv: SimulatedSourceFixture;
let workers: RunningWorker[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
  cv = await startSimulatedSource(t.db, "commvault", {
    seed: SEED,
    scenario: QUIET_COMMVAULT,
    name: "alerts-commvault",
  });
  await t.db.source.update({
    where: { id: cv.sourceId },
    data: { pollIntervalMs: 400, fastPollIntervalMs: 300 },
  });
  // Both scripted runs end around now, as a real appliance's recent tests would.
  cv.clock.set(Date.now() - 7 * HOUR);
  workers = await startWorkers(t.db, t.url, 2);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await cv.close();
  await t.drop();
});

async function failoverTest(rtoMs: number): Promise<string> {
  const res = await fetch(`${cv.server.url}/__sim/jobs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ type: "test-failover", drGroupId: sqlProd, rtoMs }),
  });
  if (!res.ok) throw new Error(await res.text());
  const { vendorId } = (await res.json()) as { vendorId: string };
  cv.clock.advance(3 * HOUR);
  await makeDueNow(t.db, cv.sourceId);
  await expect
    .poll(
      async () => (await t.db.job.findFirst({ where: { sourceId: cv.sourceId, vendorId } }))?.state,
      { timeout: 45_000, interval: 200 },
    )
    .toBe("succeeded");
  return vendorId;
}

describe("RTO rule, evaluated by two workers", () => {
  it("opens once when a DR test misses its group's RTO target, and resolves when the next one meets it", async () => {
    expect(sqlProd).toBeDefined();
    await t.db.rtoTarget.create({
      data: { sourceId: cv.sourceId, group: "SQL-Prod", targetMs: 600_000 },
    });
    const ruleId = await createRule(t.db, {
      kind: "rto_exceeded",
      name: "DR tests in time",
      sourceId: cv.sourceId,
    });

    await failoverTest(900_000);
    await expect
      .poll(
        async () => (await t.db.incident.findMany({ where: { ruleId } })).map((i) => i.status),
        { timeout: 45_000, interval: 200 },
      )
      .toEqual(["open"]);
    const [incident] = await t.db.incident.findMany({ where: { ruleId } });
    expect(incident?.facts).toMatchObject({ rtoMs: 900_000, targetMs: 600_000 });
    expect(incident?.title).toContain("SQL-Prod");

    await failoverTest(300_000);
    await expect
      .poll(
        async () => (await t.db.incident.findMany({ where: { ruleId } })).map((i) => i.status),
        { timeout: 45_000, interval: 200 },
      )
      .toEqual(["resolved"]);
  });
});
