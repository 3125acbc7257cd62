import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSource } from "@/lib/data/sources";
import { getHistorySummary } from "@/lib/services/history/history-summary";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { seedYearOfHistory } from "./demo-history";

const DAY = 86_400_000;
const now = new Date("2026-11-30T12:00:00.000Z");
let t: TestDatabase;
let sourceId: string;

/** Three weeks of a CommServe's DR tests, as the sync stores them from the simulator: the templates. */
async function storeThreeWeeks() {
  for (let i = 0; i < 6; i++) {
    const startedAt = new Date(now.getTime() - (2 + i * 3) * DAY);
    await t.db.job.create({
      data: {
        sourceId,
        kind: "commvault",
        vendorId: String(2400 + i),
        type: "test-failover",
        name: `Test Failover SQL-Prod ${i}`,
        state: i === 5 ? "failed" : "succeeded",
        vendorState: i === 5 ? "Failed" : "Completed",
        startedAt,
        endedAt: new Date(startedAt.getTime() + 40 * 60_000),
        sortAt: startedAt,
        drGroup: "SQL-Prod",
        raw: {},
        phases: {
          create: [
            {
              vendorKey: "1",
              name: "Clone VM",
              state: "succeeded",
              startedAt,
              endedAt: new Date(startedAt.getTime() + 10 * 60_000),
            },
            {
              vendorKey: "2",
              name: "Post VM Failover",
              state: "succeeded",
              sortOrder: 1,
              startedAt: new Date(startedAt.getTime() + 10 * 60_000),
              endedAt: new Date(startedAt.getTime() + 20 * 60_000),
            },
          ],
        },
      },
    });
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  sourceId = (
    await createSource(
      { kind: "commvault", name: "CommServe (demo)", baseUrl: "http://127.0.0.1:9", secret: "x" },
      t.db,
    )
  ).id;
  await storeThreeWeeks();
});
afterAll(async () => {
  await t.drop();
});

describe("a year of demo history", () => {
  it("repeats the stored weeks back over the year, gone at the vendor, with the phases that measure RTO", async () => {
    const result = await seedYearOfHistory(t.db, [sourceId], 365, now);
    expect(result.skipped).toBe(false);
    const copies = await t.db.job.findMany({
      where: { sourceId, vendorId: { not: { startsWith: "24" } } },
      include: { phases: true },
    });
    expect(copies.length).toBe(result.jobs);
    expect(result.jobs).toBeGreaterThanOrEqual(6 * 15);
    expect(result.phases).toBe(result.jobs * 2);
    const starts = copies.map((j) => j.startedAt?.getTime() ?? 0);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(now.getTime() - 365 * DAY);
    expect(Math.min(...starts)).toBeLessThan(now.getTime() - 330 * DAY);
    expect(Math.max(...starts)).toBeLessThan(now.getTime() - 17 * DAY);
    for (const job of copies) {
      expect(job.goneAt, job.vendorId).not.toBeNull();
      expect(job.goneAt?.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(job.endedAt?.getTime()).toBeGreaterThan(job.startedAt?.getTime() ?? Infinity);
      const service = job.phases.find((p) => p.name === "Post VM Failover");
      expect(service?.endedAt?.getTime()).toBeLessThanOrEqual(job.endedAt?.getTime() ?? 0);
      expect(service?.startedAt?.getTime()).toBeGreaterThanOrEqual(
        job.startedAt?.getTime() ?? Infinity,
      );
    }
    expect(new Set(copies.map((j) => j.vendorId)).size).toBe(copies.length);
  });

  it("gives the history page twelve months of trend and four quarters, older runs slower", async () => {
    const summary = await getHistorySummary({ kinds: ["commvault"] }, now, t.db);
    expect(summary.months.length).toBeGreaterThanOrEqual(12);
    expect(summary.quarters.length).toBeGreaterThanOrEqual(4);
    const first = summary.months[0]?.rtoMedianMs ?? 0;
    const last = summary.months.at(-1)?.rtoMedianMs ?? 0;
    expect(first).toBeGreaterThan(last);
  });

  it("runs once: a database that already reaches back is left alone", async () => {
    const before = await t.db.job.count();
    expect((await seedYearOfHistory(t.db, [sourceId], 365, now)).skipped).toBe(true);
    expect(await t.db.job.count()).toBe(before);
  });
});
