import { describe, expect, it } from "vitest";
import type { PhaseView } from "@/lib/contracts/jobs";
import { buildGanttRows } from "./build-gantt-rows";

const MIN = 60_000;
const T0 = Date.UTC(2025, 0, 1, 12, 0);
const iso = (min: number | null) => (min === null ? null : new Date(T0 + min * MIN).toISOString());

function phase(
  key: string,
  opts: Partial<PhaseView> & { start?: number | null; end?: number | null } = {},
): PhaseView {
  const { start = null, end = null, ...rest } = opts;
  return {
    id: key,
    key,
    parentKey: null,
    lane: null,
    name: key,
    state: end !== null ? "succeeded" : start !== null ? "running" : "queued",
    vendorStatus: null,
    order: 0,
    depth: 0,
    startedAt: iso(start),
    endedAt: iso(end),
    message: null,
    ...rest,
  };
}

const base = { now: T0 + 30 * MIN, jobStartMs: T0, jobEndMs: null, collapsed: new Set<string>() };

describe("buildGanttRows", () => {
  const tree = [
    phase("failover", { order: 0, start: 0, end: null }),
    phase("prep", { parentKey: "failover", order: 0, start: 0, end: 5 }),
    phase("move", { parentKey: "failover", order: 1, start: 5 }),
    phase("move-a", { parentKey: "move", order: 0, start: 5, end: 10 }),
    phase("cleanup", { order: 1 }),
  ];

  it("lays a step tree out depth first with depths, and grows running bars to now", () => {
    const { rows } = buildGanttRows(tree, base);
    expect(rows.map((r) => [r.key, r.depth, r.hasChildren])).toEqual([
      ["failover", 0, true],
      ["prep", 1, false],
      ["move", 1, true],
      ["move-a", 2, false],
      ["cleanup", 0, false],
    ]);
    expect(rows[2]).toMatchObject({
      running: true,
      durationMs: 25 * MIN,
      span: [5 * MIN, 30 * MIN],
    });
    expect(rows[4]).toMatchObject({ span: null, durationMs: null });
  });

  it("hides a collapsed row's descendants and counts them", () => {
    const { rows, total } = buildGanttRows(tree, { ...base, collapsed: new Set(["failover"]) });
    expect(rows.map((r) => r.key)).toEqual(["failover", "cleanup"]);
    expect(rows[0]).toMatchObject({ collapsed: true, hiddenCount: 3 });
    expect(total).toBe(5);
  });

  it("groups root phases by lane and marks where each lane starts", () => {
    const { rows } = buildGanttRows(
      [
        phase("a1", { lane: "vm-a", order: 0, start: 0, end: 1 }),
        phase("b1", { lane: "vm-b", order: 1, start: 0, end: 1 }),
        phase("a2", { lane: "vm-a", order: 2, start: 1, end: 2 }),
      ],
      base,
    );
    expect(rows.map((r) => [r.key, r.laneStart])).toEqual([
      ["a1", true],
      ["a2", false],
      ["b1", true],
    ]);
  });

  it("compresses a long wait and keeps bars after it on the compressed axis", () => {
    const { rows, axis } = buildGanttRows(
      [phase("copy", { start: 0, end: 10 }), phase("verify", { order: 1, start: 250, end: 260 })],
      { ...base, now: T0 + 300 * MIN, jobEndMs: T0 + 260 * MIN, gapThresholdMs: 20 * MIN },
    );
    expect(axis.extent).toBe(30 * MIN);
    expect(rows[1]?.span).toEqual([20 * MIN, 30 * MIN]);
  });

  it("places baselines behind bars and flags outliers", () => {
    const baselines = {
      "|copy#0": { medianMs: 4 * MIN, p90Ms: 6 * MIN, medianEndOffsetMs: 4 * MIN, runs: 5 },
      "|verify#0": { medianMs: 10 * MIN, p90Ms: 20 * MIN, medianEndOffsetMs: 30 * MIN, runs: 5 },
    };
    const { rows } = buildGanttRows(
      [phase("copy", { start: 0, end: 10 }), phase("verify", { order: 1, start: 10, end: 15 })],
      { ...base, baselines, gapThresholdMs: 60 * MIN },
    );
    expect(rows[0]).toMatchObject({
      outlier: true,
      baseline: { medianEnd: 4 * MIN, p90End: 6 * MIN },
      span: [0, 10 * MIN],
    });
    expect(rows[1]).toMatchObject({
      outlier: false,
      span: [10 * MIN, 15 * MIN],
      baseline: { medianEnd: 20 * MIN, p90End: 30 * MIN },
    });
  });

  it("by default compresses waits longer than a fifth of the time anything ran, nested phases counted once", () => {
    const { axis } = buildGanttRows(
      [
        phase("a", { start: 0, end: 30 }),
        phase("a1", { parentKey: "a", start: 0, end: 30 }),
        phase("b", { order: 1, start: 40, end: 50 }),
        phase("c", { order: 2, start: 70, end: 80 }),
      ],
      { ...base, now: T0 + 80 * MIN, jobEndMs: T0 + 80 * MIN },
    );
    // Busy 50 min: threshold 10 min, so the 10 min wait stays and the 20 min wait becomes 5.
    expect(axis.extent).toBe(65 * MIN);
  });

  it("handles a job with no phases started yet", () => {
    const { rows, axis } = buildGanttRows([phase("only")], { ...base, jobStartMs: null });
    expect(rows).toHaveLength(1);
    expect(axis.extent).toBe(0);
  });
});
