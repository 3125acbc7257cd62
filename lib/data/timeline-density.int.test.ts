import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DensityBucket, TimelineGroup } from "@/lib/contracts/explorer";
import type { JobState } from "@/lib/domain/job-state";
import { generateEstate } from "@/lib/testing/estate-sql";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { getTimeline, MAX_LANES, OTHERS_LANE } from "./timeline";

/**
 * The trigger-kept density against the jobs themselves: after inserts, updates that finish, move and
 * re-lane jobs, and deletes, the rollup equals one rebuilt from scratch, and every density bucket
 * holds exactly the jobs that overlap its slice.
 */
const NOW = new Date("2026-05-01T00:00:00Z");
const H = 3_600_000;
const ACTIVE: JobState[] = ["queued", "running", "paused", "aborting"];
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await generateEstate(t.db, { jobs: 20_000, now: NOW, days: 120, sources: 6 });
  // A running job finishes, a job moves in time, jobs change lane and state, a long job spans days, some vanish.
  await t.db
    .$executeRaw`UPDATE "Job" SET state = 'succeeded', "endedAt" = "sortAt" + interval '5 hours' WHERE state = 'running' AND "vendorId" IN ('e0', 'e1', 'e2')`;
  await t.db
    .$executeRaw`UPDATE "Job" SET "sortAt" = "sortAt" - interval '3 days', "endedAt" = "endedAt" + interval '2 days' WHERE "vendorId" IN ('e500', 'e501')`;
  await t.db
    .$executeRaw`UPDATE "Job" SET cluster = NULL, state = 'failed' WHERE "vendorId" LIKE 'e7%'`;
  await t.db.$executeRaw`UPDATE "Job" SET message = 'no move' WHERE "vendorId" LIKE 'e9%'`;
  await t.db.$executeRaw`DELETE FROM "Job" WHERE "vendorId" LIKE 'e3%'`;
}, 120_000);
afterAll(async () => t?.drop());

describe("timeline density rollup", () => {
  it("equals a rebuild from the jobs after inserts, updates and deletes", async () => {
    const diff = await t.db.$queryRaw<Array<{ n: number }>>`
      WITH rebuilt AS (
        SELECT c.grain, c.dim, c.bucket, j."sourceId", c.lane, j."state", sum(c.started)::int AS started, sum(c.carried)::int AS carried
        FROM "Job" j CROSS JOIN LATERAL "timeline_density_cells"(j."state", j."sortAt", j."endedAt", j."cluster", j."dataset", j."policy") c
        GROUP BY 1, 2, 3, 4, 5, 6
      ), kept AS (
        SELECT grain, dim, bucket, "sourceId", lane, state, started, carried FROM "TimelineDensity" WHERE started <> 0 OR carried <> 0
      )
      SELECT count(*)::int AS n FROM ((SELECT * FROM rebuilt EXCEPT ALL SELECT * FROM kept) UNION ALL (SELECT * FROM kept EXCEPT ALL SELECT * FROM rebuilt)) d`;
    expect(diff[0]?.n).toBe(0);
    const [rows] = await t.db.$queryRaw<
      Array<{ n: number }>
    >`SELECT count(*)::int AS n FROM "TimelineDensity" WHERE carried > 0`;
    expect(rows?.n).toBeGreaterThan(0);
  });

  const windows: Array<{
    name: string;
    from: Date;
    to: Date;
    group: TimelineGroup;
    states?: JobState[];
    buckets?: number;
  }> = [
    {
      name: "20 days by source in 5-hour slices",
      from: new Date(NOW.getTime() - 480 * H),
      to: NOW,
      group: "source",
      buckets: 100,
    },
    {
      name: "120 days by cluster in 3-day slices",
      from: new Date(NOW.getTime() - 120 * 24 * H),
      to: NOW,
      group: "cluster",
      buckets: 40,
    },
    {
      name: "48 h by source (hourly)",
      from: new Date(NOW.getTime() - 48 * H),
      to: NOW,
      group: "source",
    },
    {
      name: "10 days by cluster (hourly)",
      from: new Date(NOW.getTime() - 240 * H),
      to: new Date(NOW.getTime() + 24 * H),
      group: "cluster",
    },
    {
      name: "100 days by vendor (daily), failed only",
      from: new Date(NOW.getTime() - 100 * 24 * H),
      to: NOW,
      group: "vendor",
      states: ["failed"],
    },
  ];
  for (const w of windows) {
    it(`counts exactly the jobs overlapping each slice: ${w.name}`, async () => {
      const data = await getTimeline(
        {
          from: w.from,
          to: w.to,
          group: w.group,
          states: w.states,
          maxBars: 0,
          buckets: w.buckets ?? 1000,
          now: NOW,
        },
        t.db,
      );
      expect(data.mode).toBe("density");
      expect(data.density.length).toBeGreaterThan(10);
      const expected = await naiveDensity(data.density, w.group, w.states);
      expect(data.density).toEqual(expected.filter((b) => b.count > 0));
      expect(data.total).toBe(await naiveTotal(w.from, w.to, w.states));
    });
  }

  it("draws the busiest lanes and sums the smallest into one, keeping every job", async () => {
    const q = {
      from: new Date(NOW.getTime() - 30 * 24 * H),
      to: NOW,
      maxBars: 0,
      buckets: 30,
      now: NOW,
    };
    const [byDataset, bySource] = await Promise.all([
      getTimeline({ ...q, group: "dataset" }, t.db),
      getTimeline({ ...q, group: "source" }, t.db),
    ]);
    const lanes = new Set(byDataset.density.map((b) => b.lane));
    expect(lanes.size).toBe(MAX_LANES + 1);
    expect(lanes.has(OTHERS_LANE)).toBe(true);
    const perSlice = (buckets: DensityBucket[]) => {
      const m = new Map<string, number>();
      for (const b of buckets) m.set(b.start, (m.get(b.start) ?? 0) + b.count);
      return m;
    };
    expect(perSlice(byDataset.density)).toEqual(perSlice(bySource.density));
    // The lanes drawn are those with the most jobs over the window's slices (ties by name).
    const perLane = new Map<string, number>();
    for (const b of await naiveDensity(byDataset.density, "dataset"))
      perLane.set(b.lane, (perLane.get(b.lane) ?? 0) + b.count);
    const busiest = [...perLane]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .slice(0, MAX_LANES)
      .map(([lane]) => lane);
    expect(perLane.size).toBeGreaterThan(MAX_LANES + 5);
    expect([...lanes].filter((l) => l !== OTHERS_LANE).sort()).toEqual(busiest.sort());
  });

  it("draws bars when the window holds few jobs, including one that started long before it", async () => {
    // A 70-day job, alone in a window that opens two months after it started.
    const day = 24 * H;
    await t.db
      .$executeRaw`UPDATE "Job" SET "sortAt" = ${new Date(NOW.getTime() - 200 * day)}, "startedAt" = ${new Date(NOW.getTime() - 200 * day)}, "endedAt" = ${new Date(NOW.getTime() - 130 * day)} WHERE "vendorId" = 'e19000'`;
    const from = new Date(NOW.getTime() - 131 * day - 30 * 60_000);
    const data = await getTimeline(
      {
        from,
        to: new Date(from.getTime() + 2 * H),
        group: "source",
        maxBars: 500,
        buckets: 100,
        now: NOW,
      },
      t.db,
    );
    expect(data.mode).toBe("bars");
    expect(data.items.map((j) => j.vendorId)).toEqual(["e19000"]);
    expect(data.total).toBe(1);
  });
});

/** For each returned bucket's lane and slice, and every other lane of the same slices, the jobs overlapping it. */
async function naiveDensity(
  buckets: DensityBucket[],
  group: TimelineGroup,
  states?: JobState[],
): Promise<DensityBucket[]> {
  const jobs = await t.db.job.findMany({
    select: {
      state: true,
      sortAt: true,
      endedAt: true,
      cluster: true,
      dataset: true,
      kind: true,
      source: { select: { name: true } },
    },
  });
  const laneOf = (j: (typeof jobs)[number]) =>
    group === "source"
      ? j.source.name
      : group === "vendor"
        ? j.kind
        : ((group === "dataset" ? j.dataset : j.cluster) ?? "(none)");
  const slices = [...new Map(buckets.map((b) => [b.start, b.end])).entries()];
  const lanes = [...new Set(jobs.map(laneOf))];
  const out: DensityBucket[] = [];
  for (const lane of lanes.sort()) {
    for (const [start, end] of slices.sort()) {
      const lo = Date.parse(start);
      const hi = Date.parse(end);
      const inSlice = jobs.filter((j) => {
        if (laneOf(j) !== lane || (states && !states.includes(j.state))) return false;
        const s = j.sortAt.getTime();
        const e = j.endedAt?.getTime() ?? (ACTIVE.includes(j.state) ? NOW.getTime() : s);
        return s < hi && Math.max(e, s) >= lo;
      });
      out.push({
        lane,
        start,
        end,
        count: inSlice.length,
        failed: inSlice.filter((j) => j.state === "failed").length,
        active: inSlice.filter((j) => ACTIVE.includes(j.state)).length,
      });
    }
  }
  return out;
}

async function naiveTotal(from: Date, to: Date, states?: JobState[]): Promise<number> {
  const jobs = await t.db.job.findMany({ select: { state: true, sortAt: true, endedAt: true } });
  return jobs.filter((j) => {
    if (states && !states.includes(j.state)) return false;
    const s = j.sortAt.getTime();
    const e = j.endedAt?.getTime() ?? (ACTIVE.includes(j.state) ? NOW.getTime() : s);
    return s < to.getTime() && Math.max(e, s) >= from.getTime();
  }).length;
}
