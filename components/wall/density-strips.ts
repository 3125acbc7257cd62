import type { WallTimelineDensity } from "@/lib/contracts/wall";

export interface DensityCellView {
  slice: number;
  /** Percent of the window from its left edge, and width. */
  left: number;
  width: number;
  jobs: number;
  failed: number;
  running: number;
  /** What colours the cell: any failure wins, then anything still running. */
  tone: "failed" | "running" | "succeeded";
  /** 0.25–1 by how busy the slice is against the busiest slice on the wall. */
  opacity: number;
  fromMs: number;
  toMs: number;
}

export interface DensityLaneView {
  key: string;
  sourceId: string | null;
  label: string;
  cells: DensityCellView[];
}

/** The density timeline as positioned cells, one strip per lane, shaded against the busiest slice. */
export function buildDensityLanes(
  density: WallTimelineDensity,
  fromMs: number,
  toMs: number,
): DensityLaneView[] {
  const stepMs = (toMs - fromMs) / density.slices;
  const busiest = Math.max(1, ...density.lanes.flatMap((l) => l.cells.map(([, jobs]) => jobs)));
  return density.lanes.map((lane, n) => ({
    key: lane.sourceId ?? `others-${n}`,
    sourceId: lane.sourceId,
    label: lane.label,
    cells: lane.cells.map(([slice, jobs, failed, running]) => ({
      slice,
      left: (slice / density.slices) * 100,
      width: 100 / density.slices,
      jobs,
      failed,
      running,
      tone: failed > 0 ? "failed" : running > 0 ? "running" : "succeeded",
      opacity: 0.25 + 0.75 * (jobs / busiest),
      fromMs: fromMs + slice * stepMs,
      toMs: fromMs + (slice + 1) * stepMs,
    })),
  }));
}
