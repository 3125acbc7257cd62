import { describe, expect, it } from "vitest";
import { buildWallTimeline, type TimelineJob } from "./timeline-rows";

const H = 3_600_000;
const from = Date.parse("2026-01-01T06:00:00Z");
const to = from + 4 * H;
const iso = (ms: number) => new Date(ms).toISOString();
const job = (
  id: string,
  start: number,
  end: number | null,
  over: Partial<TimelineJob> = {},
): TimelineJob => ({
  id,
  sourceId: "s1",
  sourceName: "ONTAP",
  name: id,
  state: end === null ? "running" : "succeeded",
  startedAt: iso(start),
  endedAt: end === null ? null : iso(end),
  ...over,
});

describe("buildWallTimeline", () => {
  it("places bars by percent of the window, clipping at both edges", () => {
    const { lanes } = buildWallTimeline(
      [job("a", from - H, from + H), job("b", from + 2 * H, null)],
      from,
      to,
    );
    expect(lanes[0]?.rows[0]).toEqual([
      { id: "a", name: "a", state: "succeeded", left: 0, width: 25, open: false },
      { id: "b", name: "b", state: "running", left: 50, width: 50, open: true },
    ]);
  });

  it("packs overlapping jobs into rows and counts what does not fit", () => {
    const jobs = [
      job("a", from, from + 2 * H),
      job("b", from + H, from + 3 * H),
      job("c", from + 90 * 60_000, from + 2 * H),
      job("d", from + 2.5 * H, from + 3 * H),
    ];
    const lane = buildWallTimeline(jobs, from, to, 2).lanes[0];
    expect(lane?.rows.map((r) => r.map((b) => b.id))).toEqual([["a", "d"], ["b"]]);
    expect(lane?.hidden).toBe(1);
  });

  it("gives each source its own lane, by name, and drops jobs outside the window or never started", () => {
    const jobs = [
      job("x", from + H, from + 2 * H, { sourceId: "s2", sourceName: "Commvault" }),
      job("y", from - 3 * H, from - 2 * H),
      { ...job("z", from, from + H), startedAt: null },
    ];
    const { lanes } = buildWallTimeline(jobs, from, to);
    expect(lanes.map((l) => [l.label, l.rows.flat().length])).toEqual([
      ["Commvault", 1],
      ["ONTAP", 0],
    ]);
  });

  it("keeps a one-second job visible", () => {
    const bar = buildWallTimeline([job("a", from + H, from + H + 1_000)], from, to).lanes[0]
      ?.rows[0]?.[0];
    expect(bar?.width).toBe(0.4);
  });

  it("puts ticks on round times, at most eight", () => {
    const { ticks } = buildWallTimeline([], from + 10 * 60_000, to);
    expect(ticks.map((t) => new Date(t.at).toISOString().slice(11, 16))).toEqual([
      "06:30",
      "07:00",
      "07:30",
      "08:00",
      "08:30",
      "09:00",
      "09:30",
      "10:00",
    ]);
    expect(ticks[0]?.left).toBeCloseTo((20 / 230) * 100, 6);
  });
});
