import { describe, expect, it } from "vitest";
import { mergeDensity, type DensityCell } from "./timeline-cells";

const cell = (
  lane: string,
  i: number,
  started: number,
  carried: number,
  failed = 0,
): DensityCell => ({
  lane,
  i,
  started,
  carried,
  startedFailed: failed,
  carriedFailed: 0,
  startedActive: 0,
  carriedActive: 0,
});
const from = new Date("2026-01-01T00:00:00Z");
const H = 3_600_000;

describe("mergeDensity", () => {
  it("keeps slices as they are while they fit, counting carried plus started", () => {
    const out = mergeDensity([cell("a", 0, 2, 3, 1), cell("a", 1, 1, 4)], {
      from,
      stepMs: H,
      slices: 2,
      maxCells: 10,
      clip: { from, to: new Date(from.getTime() + 2 * H) },
    });
    expect(out).toEqual([
      {
        lane: "a",
        start: "2026-01-01T00:00:00.000Z",
        end: "2026-01-01T01:00:00.000Z",
        count: 5,
        failed: 1,
        active: 0,
      },
      {
        lane: "a",
        start: "2026-01-01T01:00:00.000Z",
        end: "2026-01-01T02:00:00.000Z",
        count: 5,
        failed: 0,
        active: 0,
      },
    ]);
  });

  it("merges adjacent slices to fit, counting only the first slice's carried jobs", () => {
    const cells = [cell("a", 0, 2, 3), cell("a", 1, 1, 4), cell("b", 2, 0, 1), cell("b", 3, 2, 9)];
    const out = mergeDensity(cells, {
      from,
      stepMs: H,
      slices: 4,
      maxCells: 4,
      clip: { from, to: new Date(from.getTime() + 4 * H) },
    });
    expect(out.map((b) => [b.lane, b.start, b.end, b.count])).toEqual([
      ["a", "2026-01-01T00:00:00.000Z", "2026-01-01T02:00:00.000Z", 6],
      ["b", "2026-01-01T02:00:00.000Z", "2026-01-01T04:00:00.000Z", 3],
    ]);
  });

  it("clips aligned slices to the requested window and drops empty ones", () => {
    const clip = {
      from: new Date(from.getTime() + 30 * 60_000),
      to: new Date(from.getTime() + 90 * 60_000),
    };
    const out = mergeDensity([cell("a", 0, 1, 0), cell("a", 1, 0, 0)], {
      from,
      stepMs: H,
      slices: 2,
      maxCells: 10,
      clip,
    });
    expect(out).toEqual([
      {
        lane: "a",
        start: "2026-01-01T00:30:00.000Z",
        end: "2026-01-01T01:00:00.000Z",
        count: 1,
        failed: 0,
        active: 0,
      },
    ]);
  });
});
