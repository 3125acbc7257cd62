import { describe, expect, it } from "vitest";
import { axisTicks, buildAxis, compressedGaps, fromAxis, toAxis, unionLength } from "./gantt-axis";

const MIN = 60_000;
const H = 60 * MIN;

describe("buildAxis", () => {
  // Work 0-10 min, idle until 4 h, work 4 h - 4 h 10 min.
  const axis = buildAxis(
    0,
    4 * H + 10 * MIN,
    [
      [0, 10 * MIN],
      [4 * H, 4 * H + 10 * MIN],
    ],
    5 * MIN,
  );

  it("compresses idle stretches past the threshold to half the threshold", () => {
    expect(axis.extent).toBe(20 * MIN + 2.5 * MIN);
    expect(compressedGaps(axis)).toEqual([
      {
        fromMs: 10 * MIN,
        toMs: 4 * H,
        axisFrom: 10 * MIN,
        axisTo: 12.5 * MIN,
        realMs: 4 * H - 10 * MIN,
      },
    ]);
  });
  it("maps time to axis units and back", () => {
    expect(toAxis(axis, 5 * MIN)).toBe(5 * MIN);
    expect(toAxis(axis, 4 * H + 5 * MIN)).toBe(17.5 * MIN);
    expect(fromAxis(axis, 17.5 * MIN)).toBe(4 * H + 5 * MIN);
    expect(toAxis(axis, 4 * H + 20 * MIN)).toBe(32.5 * MIN);
  });
  it("leaves short idle stretches and overlapping work uncompressed", () => {
    const a = buildAxis(
      0,
      30 * MIN,
      [
        [0, 10 * MIN],
        [5 * MIN, 12 * MIN],
        [14 * MIN, 30 * MIN],
      ],
      5 * MIN,
    );
    expect(a.extent).toBe(30 * MIN);
    expect(compressedGaps(a)).toEqual([]);
  });
});

describe("axisTicks", () => {
  const axis = buildAxis(
    0,
    4 * H + 10 * MIN,
    [
      [0, 10 * MIN],
      [4 * H, 4 * H + 10 * MIN],
    ],
    5 * MIN,
  );
  it("puts round ticks in both busy stretches and none in the compressed gap", () => {
    const ticks = axisTicks(axis, [0, axis.extent], "elapsed", 8);
    expect(ticks.map((t) => t.ms / MIN)).toEqual([0, 5, 10, 240, 245, 250]);
    expect(ticks.map((t) => t.u / MIN)).toEqual([0, 5, 10, 12.5, 17.5, 22.5]);
  });
  it("aligns wall-clock ticks to round times, elapsed ticks to the origin", () => {
    const start = Date.UTC(2025, 0, 1, 10, 7);
    const a = buildAxis(start, start + 20 * MIN, [[start, start + 20 * MIN]], 5 * MIN);
    expect(
      axisTicks(a, [0, a.extent], "wall", 4).map((t) => new Date(t.ms).toISOString().slice(11, 16)),
    ).toEqual(["10:10", "10:15", "10:20", "10:25"]);
    expect(axisTicks(a, [0, a.extent], "elapsed", 4).map((t) => (t.ms - start) / MIN)).toEqual([
      0, 5, 10, 15, 20,
    ]);
  });
  it("follows a zoomed window", () => {
    const a = buildAxis(0, 60 * MIN, [[0, 60 * MIN]], 5 * MIN);
    expect(axisTicks(a, [10 * MIN, 12 * MIN], "elapsed", 4).map((t) => t.ms / 1000)).toEqual([
      600, 630, 660, 690, 720,
    ]);
  });
});

describe("unionLength", () => {
  it("counts overlapping and nested intervals once", () => {
    expect(
      unionLength([
        [0, 10],
        [2, 5],
        [8, 12],
        [20, 25],
      ]),
    ).toBe(17);
    expect(unionLength([])).toBe(0);
  });
});
