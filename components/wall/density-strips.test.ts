import { describe, expect, it } from "vitest";
import { buildDensityLanes } from "./density-strips";

const FROM = Date.parse("2026-12-01T00:00:00Z");
const TO = FROM + 4 * 3_600_000;

describe("buildDensityLanes", () => {
  const lanes = buildDensityLanes(
    {
      slices: 4,
      jobs: 9,
      lanes: [
        {
          sourceId: "a",
          label: "cluster-a",
          cells: [
            [0, 4, 0, 0],
            [3, 2, 1, 1],
          ],
        },
        { sourceId: null, label: "3 other sources", cells: [[2, 3, 0, 3]] },
      ],
    },
    FROM,
    TO,
  );

  it("places each slice by its index across the window", () => {
    expect(lanes[0]?.cells.map((c) => [c.left, c.width])).toEqual([
      [0, 25],
      [75, 25],
    ]);
    expect(lanes[0]?.cells[1]?.fromMs).toBe(FROM + 3 * 3_600_000);
    expect(lanes[0]?.cells[1]?.toMs).toBe(TO);
  });

  it("colours a slice by its worst news: failed over running over succeeded", () => {
    expect(lanes[0]?.cells.map((c) => c.tone)).toEqual(["succeeded", "failed"]);
    expect(lanes[1]?.cells[0]?.tone).toBe("running");
  });

  it("shades against the busiest slice on the wall", () => {
    expect(lanes[0]?.cells[0]?.opacity).toBe(1);
    expect(lanes[0]?.cells[1]?.opacity).toBeCloseTo(0.25 + 0.75 * 0.5);
  });

  it("keeps the summed lane, with a key of its own", () => {
    expect(lanes.map((l) => [l.key, l.label])).toEqual([
      ["a", "cluster-a"],
      ["others-1", "3 other sources"],
    ]);
  });
});
