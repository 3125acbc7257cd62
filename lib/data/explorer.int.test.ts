import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobListQuery } from "@/lib/contracts/jobs";
import type { JobSummary } from "@/lib/contracts/jobs";
import { JOB_STATES, type JobState } from "@/lib/domain/job-state";
import type { SourceKind } from "@/lib/domain/source-kind";
import { jobFiltersFromQuery } from "@/lib/services/jobs/job-filters";
import { streamJobsCsv } from "@/lib/services/jobs/jobs-csv";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { countJobsByVendor } from "./job-counts";
import { listJobs } from "./jobs";
import { deleteSavedView, listSavedViews, saveView } from "./saved-views";
import { listScheduled } from "./scheduled";
import { createSource } from "./sources";
import { getTimeline } from "./timeline";

let t: TestDatabase;
const NOW = new Date("2026-03-10T12:00:00Z");
const H = 3600_000;
const at = (hoursFromNow: number) => new Date(NOW.getTime() + hoursFromNow * H);
let dfmId = "";
let ontapId = "";

async function addJob(
  sourceId: string,
  kind: SourceKind,
  i: number,
  over: Partial<{
    state: JobState;
    start: Date;
    end: Date | null;
    name: string;
    progress: number | null;
    bytes: bigint | null;
    cluster: string | null;
  }>,
) {
  const start = over.start ?? at(-i);
  await t.db.job.create({
    data: {
      sourceId,
      kind,
      vendorId: `v${i}`,
      type: i % 2 ? "backup" : "mirror",
      name: over.name ?? `job ${String(i).padStart(2, "0")}`,
      state: over.state ?? "succeeded",
      vendorState: "x",
      progress: over.progress === undefined ? i * 10 : over.progress,
      bytesDone: over.bytes === undefined ? BigInt(i) * 1_000_000_000_000n : over.bytes,
      startedAt: start,
      sortAt: start,
      endedAt: over.end === undefined ? new Date(start.getTime() + H / 2) : over.end,
      cluster: over.cluster ?? null,
      raw: {},
    },
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  dfmId = (await createSource({ kind: "dfm", name: "dfm-a", baseUrl: "http://x" }, t.db)).id;
  ontapId = (await createSource({ kind: "ontap", name: "ontap-a", baseUrl: "http://y" }, t.db)).id;
  // Ties on name and progress, nulls on progress/bytes/end, every state: the awkward cases for keysets.
  for (let i = 0; i < 14; i++) {
    await addJob(i % 2 ? dfmId : ontapId, i % 2 ? "dfm" : "ontap", i, {
      state: JOB_STATES[i % JOB_STATES.length],
      name: i % 3 === 0 ? "same name" : undefined,
      progress: i % 4 === 0 ? null : (i % 3) * 10,
      bytes: i % 5 === 0 ? null : undefined,
      end: i % JOB_STATES.length === 1 ? null : undefined,
      cluster: i % 2 ? "c1" : null,
    });
  }
});
afterAll(async () => t.drop());

async function pageThrough(search: Record<string, string>): Promise<JobSummary[]> {
  const out: JobSummary[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listJobs(
      jobFiltersFromQuery(
        jobListQuery.parse({ ...search, limit: "4", ...(cursor ? { cursor } : {}) }),
        NOW,
      ),
      t.db,
    );
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("sorted keyset pagination", () => {
  const all = () => pageThrough({ sort: "name", order: "asc" });
  it.each([
    ["name", "asc"],
    ["name", "desc"],
    ["progress", "asc"],
    ["progress", "desc"],
    ["bytes", "desc"],
    ["ended", "asc"],
    ["state", "asc"],
    ["state", "desc"],
    ["type", "desc"],
    ["started", "asc"],
    ["started", "desc"],
  ])("by %s %s visits every job once, in order, nulls last", async (sort, order) => {
    const pages = await pageThrough({ sort, order });
    expect(new Set(pages.map((j) => j.id)).size).toBe(14);
    expect(pages.length).toBe(14);
    const value = (j: JobSummary): number | string | null => {
      if (sort === "name") return j.name;
      if (sort === "type") return j.type;
      if (sort === "progress") return j.progress;
      if (sort === "bytes") return j.bytesDone === null ? null : Number(j.bytesDone);
      if (sort === "ended") return j.endedAt;
      if (sort === "state") return JOB_STATES.indexOf(j.state);
      return j.sortAt;
    };
    const sign = order === "asc" ? 1 : -1;
    const expected = [...pages].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null || vb === null)
        return va === vb ? sign * a.id.localeCompare(b.id) : va === null ? 1 : -1;
      if (va !== vb) return sign * (va < vb ? -1 : 1);
      return sign * a.id.localeCompare(b.id);
    });
    expect(pages.map((j) => j.id)).toEqual(expected.map((j) => j.id));
  });

  it("keeps filters while sorting and streams exactly the filtered view as CSV", async () => {
    const filtered = await pageThrough({
      sort: "name",
      order: "asc",
      kind: "dfm",
      state: "running,failed,aborted",
    });
    expect(filtered.length).toBeGreaterThan(0);
    expect(
      filtered.every((j) => j.kind === "dfm" && ["running", "failed", "aborted"].includes(j.state)),
    ).toBe(true);
    const csv = await new Response(
      streamJobsCsv(
        jobListQuery.parse({
          sort: "name",
          order: "asc",
          kind: "dfm",
          state: "running,failed,aborted",
        }),
        t.db,
        NOW,
      ),
    ).text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]?.startsWith("id,state,")).toBe(true);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(filtered.map((j) => j.id));
    expect((await all()).length).toBe(14);
  });
});

describe("vendor counts, scheduled, saved views", () => {
  it("counts running and queued now and failures in the last 24 h per vendor", async () => {
    await addJob(dfmId, "dfm", 40, {
      state: "failed",
      start: at(-30),
      end: at(-29),
      cluster: "c1",
    });
    await addJob(dfmId, "dfm", 41, { state: "failed", start: at(-3), end: at(-2), cluster: "c1" });
    await addJob(ontapId, "ontap", 42, { state: "running", start: at(-1), end: null });
    const counts = await countJobsByVendor(NOW, t.db);
    const expectCount = async (kind: SourceKind, state: JobState, recent: boolean) =>
      t.db.job.count({
        where: {
          kind,
          state,
          ...(recent ? { endedAt: { gte: at(-24), lte: NOW } } : { goneAt: null }),
        },
      });
    expect(counts.vendors.map((v) => v.kind).sort()).toEqual([
      "commvault",
      "dfm",
      "eyeglass",
      "ontap",
      "spp",
    ]);
    const dfm = counts.vendors.find((v) => v.kind === "dfm");
    const ontap = counts.vendors.find((v) => v.kind === "ontap");
    expect(dfm?.failed24h).toBe(await expectCount("dfm", "failed", true));
    expect(dfm?.failed24h).toBeGreaterThanOrEqual(1);
    expect(ontap?.running).toBe(await expectCount("ontap", "running", false));
    expect(counts.vendors.find((v) => v.kind === "spp")).toEqual({
      kind: "spp",
      running: 0,
      queued: 0,
      failed24h: 0,
    });
  });

  it("lists scheduled jobs in the window, soonest first", async () => {
    for (const [vendorId, hours] of [
      ["s2", 5],
      ["s1", 2],
      ["s3", 50],
      ["passed", 0.5],
    ] as const) {
      await t.db.scheduledJob.create({
        data: {
          sourceId: dfmId,
          vendorId,
          name: `sched ${vendorId}`,
          type: "backup",
          startsAt: at(hours),
          raw: {},
        },
      });
    }
    const items = await listScheduled({ from: NOW, to: at(24), limit: 10, now: at(1) }, t.db);
    // "passed" is inside the window but already behind now: it ran, or never will.
    expect(items.map((s) => s.vendorId)).toEqual(["s1", "s2"]);
    expect(items[0]).toMatchObject({
      sourceName: "dfm-a",
      kind: "dfm",
      startsAt: at(2).toISOString(),
    });
  });

  it("keeps saved views per user, replaces by name, deletes only one's own", async () => {
    const alice = await t.db.user.create({ data: { name: "Alice", email: "alice@example.test" } });
    const bob = await t.db.user.create({ data: { name: "Bob", email: "bob@example.test" } });
    const v = await saveView(
      alice.id,
      { name: "failed dfm", query: "kind=dfm&state=failed" },
      t.db,
    );
    await saveView(alice.id, { name: "failed dfm", query: "kind=dfm&state=failed,aborted" }, t.db);
    expect((await listSavedViews(alice.id, t.db)).map((s) => s.query)).toEqual([
      "kind=dfm&state=failed,aborted",
    ]);
    expect(await listSavedViews(bob.id, t.db)).toEqual([]);
    expect(await deleteSavedView(bob.id, v.id, t.db)).toBe(false);
    expect(await deleteSavedView(alice.id, v.id, t.db)).toBe(true);
    expect(await listSavedViews(alice.id, t.db)).toEqual([]);
  });
});

describe("timeline", () => {
  it("returns bars for jobs overlapping the window, running ones included", async () => {
    const data = await getTimeline(
      { from: at(-4), to: at(1), group: "source", maxBars: 100, buckets: 10, now: NOW },
      t.db,
    );
    expect(data.mode).toBe("bars");
    const expected = await t.db.job.findMany({
      where: {
        sortAt: { lt: at(1) },
        OR: [
          { endedAt: { gte: at(-4) } },
          { endedAt: null, state: { in: ["queued", "running", "paused", "aborting"] } },
          { endedAt: null, sortAt: { gte: at(-4) } },
        ],
      },
    });
    expect(data.items.map((j) => j.id).sort()).toEqual(expected.map((j) => j.id).sort());
    expect(data.items.some((j) => j.vendorId === "v42")).toBe(true);
    expect(data.items.some((j) => j.vendorId === "v40")).toBe(false);
    expect(data.total).toBe(expected.length);
  });

  it("aggregates into per-lane density past the bar limit, counting each overlapping slice", async () => {
    const data = await getTimeline(
      { from: at(-4), to: at(0), group: "cluster", maxBars: 1, buckets: 4, now: NOW },
      t.db,
    );
    expect(data.mode).toBe("density");
    expect(data.items).toEqual([]);
    // Job v41 (dfm, cluster c1) ran 3 h to 2 h ago: slices [-3,-2) and [-2,-1) (touching its end).
    const lanes = new Set(data.density.map((d) => d.lane));
    expect(lanes).toEqual(new Set(["(none)", "c1"]));
    const c1 = data.density.filter((d) => d.lane === "c1");
    const sliceOf = (hours: number) => c1.find((d) => d.start === at(hours).toISOString());
    expect(sliceOf(-3)?.failed).toBe(1);
    expect(sliceOf(-3)?.end).toBe(at(-2).toISOString());
    const running = data.density
      .filter((d) => d.lane === "(none)" && d.active > 0)
      .map((d) => d.start);
    expect(running).toContain(at(-1).toISOString());
  });
});
