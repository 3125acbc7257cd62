import { describe, expect, it } from "vitest";
import type { DensityRow } from "@/lib/data/wall";
import { densityLanes } from "./timeline-density";

const row = (sourceId: string, i: number, jobs: number, extra: Partial<DensityRow> = {}) => ({
  sourceId,
  i,
  jobs,
  failed: 0,
  running: 0,
  entering: jobs,
  ...extra,
});

const SOURCES = [
  { id: "a", name: "alpha" },
  { id: "b", name: "bravo" },
  { id: "c", name: "charlie" },
  { id: "d", name: "delta" },
];

describe("densityLanes", () => {
  it("gives each source with jobs a lane, in the sources' order, and counts the window's jobs once", () => {
    const d = densityLanes(
      [row("c", 0, 2), row("a", 0, 1), row("a", 1, 3, { entering: 1, failed: 1 })],
      SOURCES,
      48,
    );
    expect(d.slices).toBe(48);
    expect(d.jobs).toBe(4);
    expect(d.lanes).toEqual([
      {
        sourceId: "a",
        label: "alpha",
        cells: [
          [0, 1, 0, 0],
          [1, 3, 1, 0],
        ],
      },
      { sourceId: "c", label: "charlie", cells: [[0, 2, 0, 0]] },
    ]);
  });

  it("keeps the busiest sources and sums the rest slice by slice, losing no job", () => {
    const d = densityLanes(
      [
        row("a", 0, 1),
        row("b", 0, 9),
        row("c", 0, 2, { running: 2 }),
        row("c", 5, 1, { entering: 0 }),
        row("d", 0, 5),
      ],
      SOURCES,
      48,
      2,
    );
    expect(d.jobs).toBe(17);
    expect(d.lanes.map((l) => l.sourceId)).toEqual(["b", "d", null]);
    expect(d.lanes[2]).toEqual({
      sourceId: null,
      label: "2 other sources",
      cells: [
        [0, 3, 0, 2],
        [5, 1, 0, 0],
      ],
    });
  });
});
