import { describe, expect, it } from "vitest";
import type { ScheduledView } from "@/lib/contracts/explorer";
import type { JobSummary } from "@/lib/contracts/jobs";
import { densityFromJobs, prepareTimeline, type PrepareOptions } from "./prepare-timeline";
import { stackSpans } from "./stack";
import { timeTicks, utcOffsetMs } from "./ticks";

const T0 = Date.parse("2026-03-10T00:00:00Z");
const M = 60_000;
const iso = (min: number) => new Date(T0 + min * M).toISOString();

const base: JobSummary = {
  id: "",
  sourceId: "s",
  sourceName: "ontap-1",
  kind: "ontap",
  vendorId: "",
  type: "t",
  name: "",
  state: "succeeded",
  vendorState: "x",
  progress: null,
  bytesDone: null,
  bytesTotal: null,
  throughputBps: null,
  startedAt: null,
  endedAt: null,
  sortAt: iso(0),
  submittedBy: null,
  dataset: null,
  policy: null,
  cluster: null,
  drGroup: null,
  message: null,
  goneAt: null,
  updatedAt: iso(0),
};
const job = (
  id: string,
  startMin: number,
  endMin: number | null,
  over: Partial<JobSummary> = {},
): JobSummary => ({
  ...base,
  id,
  name: id,
  vendorId: id,
  sortAt: iso(startMin),
  startedAt: iso(startMin),
  endedAt: endMin === null ? null : iso(endMin),
  ...over,
});
const opts: PrepareOptions = {
  from: T0,
  to: T0 + 100 * M,
  now: T0 + 60 * M,
  group: "source",
  maxBars: 100,
  buckets: 10,
  minSpanMs: 0,
};

describe("stackSpans", () => {
  it("puts overlapping spans on separate rows and reuses a row once it is free", () => {
    // a [0,10) b [5,15) c [10,20) d [12,14): a|c share row 0, b row 1, d row 2 (b and c both still running at 12).
    const spans = [
      { start: 0, end: 10 },
      { start: 5, end: 15 },
      { start: 10, end: 20 },
      { start: 12, end: 14 },
    ];
    expect(stackSpans(spans)).toEqual({ rows: [0, 1, 0, 2], rowCount: 3 });
  });

  it("treats spans narrower than the drawn minimum as that wide", () => {
    const spans = [
      { start: 0, end: 1 },
      { start: 2, end: 3 },
    ];
    expect(stackSpans(spans).rowCount).toBe(1);
    expect(stackSpans(spans, 5)).toEqual({ rows: [0, 1], rowCount: 2 });
  });
});

describe("prepareTimeline", () => {
  it("lays out lanes with stacked sub-rows, live bars to now, and scheduled bars ahead", () => {
    const items = [
      job("a", 0, 30),
      job("b", 10, 40),
      job("r", 50, null, { state: "running" }),
      job("x", 5, 20, { sourceName: "dfm-1", kind: "dfm" }),
    ];
    const scheduled: ScheduledView[] = [
      {
        id: "s1",
        sourceId: "d",
        sourceName: "dfm-1",
        kind: "dfm",
        vendorId: "9",
        name: "nightly",
        type: "backup",
        dataset: null,
        policy: null,
        startsAt: iso(80),
      },
    ];
    const m = prepareTimeline({ mode: "bars", items, density: [] }, scheduled, opts);
    expect(m.mode).toBe("bars");
    expect(m.lanes).toEqual([
      { key: "dfm-1", label: "dfm-1", row: 0, rows: 1 },
      { key: "ontap-1", label: "ontap-1", row: 1, rows: 2 },
    ]);
    const bar = (key: string) => m.bars.find((b) => b.key === key);
    expect([bar("a")?.row, bar("b")?.row, bar("r")?.row]).toEqual([1, 2, 1]);
    expect(bar("r")).toMatchObject({ end: opts.now, live: true });
    expect(bar("scheduled:s1")).toMatchObject({
      jobId: null,
      state: "scheduled",
      row: 0,
      start: T0 + 80 * M,
      end: T0 + 81 * M,
    });
    expect(m.rowCount).toBe(3);
  });

  it("labels vendor lanes by vendor name", () => {
    const m = prepareTimeline(
      { mode: "bars", items: [job("a", 0, 1), job("x", 0, 1, { kind: "dfm" })], density: [] },
      [],
      { ...opts, group: "vendor" },
    );
    expect(m.lanes.map((l) => l.label)).toEqual(["NetApp DFM", "NetApp ONTAP"]);
  });

  it("aggregates to density when there are more bars than it should draw", () => {
    const items = [
      job("a", 0, 25),
      job("b", 5, 8, { state: "failed" }),
      job("r", 55, null, { state: "running" }),
    ];
    const m = prepareTimeline({ mode: "bars", items, density: [] }, [], { ...opts, maxBars: 2 });
    expect(m.mode).toBe("density");
    expect(m.bars).toEqual([]);
    const counts = m.cells.map((c) => [(c.start - T0) / M, c.count, c.failed, c.active]);
    // 10-minute slices; a span touching a slice's start counts there (the SQL rule: s < hi && e >= lo).
    expect(counts).toEqual([
      [0, 2, 1, 0],
      [10, 1, 0, 0],
      [20, 1, 0, 0],
      [50, 1, 0, 1],
      [60, 1, 0, 1],
    ]);
    expect(m.cells[0]?.intensity).toBe(1);
    expect(m.cells[1]?.intensity).toBe(0.5);
  });

  it("passes server density through, one row per lane, scheduled bars still drawn", () => {
    const density = [
      { lane: "b", start: iso(0), end: iso(10), count: 4, failed: 1, active: 0 },
      { lane: "a", start: iso(10), end: iso(20), count: 8, failed: 0, active: 2 },
    ];
    const scheduled: ScheduledView[] = [
      {
        id: "s",
        sourceId: "d",
        sourceName: "c",
        kind: "dfm",
        vendorId: "1",
        name: "n",
        type: "t",
        dataset: null,
        policy: null,
        startsAt: iso(70),
      },
    ];
    const m = prepareTimeline({ mode: "density", items: [], density }, scheduled, opts);
    expect(m.lanes.map((l) => [l.key, l.row])).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 2],
    ]);
    expect(m.cells.map((c) => [c.lane, c.row, c.intensity])).toEqual([
      ["b", 1, 0.5],
      ["a", 0, 1],
    ]);
    expect(m.bars.map((b) => [b.key, b.row, b.state])).toEqual([["scheduled:s", 2, "scheduled"]]);
  });

  it("counts density per lane the same way for any grouping", () => {
    const cells = densityFromJobs([job("a", 0, 5, { cluster: "c1" }), job("b", 0, 5)], {
      ...opts,
      group: "cluster",
    });
    expect(cells.map((c) => c.lane).sort()).toEqual(["(none)", "c1"]);
  });
});

describe("timeTicks", () => {
  it("picks the smallest round step that fits and aligns to the zone", () => {
    expect(timeTicks(T0 + 7 * M, T0 + 67 * M, 6, utcOffsetMs).map((t) => (t - T0) / M)).toEqual([
      15, 30, 45, 60,
    ]);
    const berlin = () => 60 * M;
    const day = timeTicks(T0, T0 + 3 * 86_400_000, 4, berlin);
    expect(day.map((t) => new Date(t + 60 * M).toISOString().slice(11, 16))).toEqual([
      "00:00",
      "00:00",
      "00:00",
    ]);
  });
});
