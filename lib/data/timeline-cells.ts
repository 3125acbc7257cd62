import type { DensityBucket } from "@/lib/contracts/explorer";

/** One lane and slice of the density query: jobs that started in it, and jobs still going at its start. */
export interface DensityCell {
  lane: string;
  i: number;
  started: number;
  carried: number;
  startedFailed: number;
  carriedFailed: number;
  startedActive: number;
  carriedActive: number;
}

export interface MergeOptions {
  from: Date;
  stepMs: number;
  slices: number;
  /** At most this many lane × slice cells: adjacent slices are merged until the answer fits. */
  maxCells: number;
  /** The requested window: slices are aligned to the rollup's grain and may reach past it. */
  clip: { from: Date; to: Date };
}

/**
 * Cells into density buckets. Merging slices stays exact: a merged slice holds the jobs going at its
 * first slice's start plus every job that started inside it. Empty buckets are left out.
 */
export function mergeDensity(cells: readonly DensityCell[], o: MergeOptions): DensityBucket[] {
  const lanes = new Set(cells.map((c) => c.lane)).size;
  const m = Math.max(1, Math.ceil((lanes * o.slices) / o.maxCells));
  const merged = new Map<
    string,
    { lane: string; j: number; count: number; failed: number; active: number }
  >();
  for (const c of cells) {
    const j = Math.floor(c.i / m);
    const atStart = c.i === j * m;
    const key = `${c.lane}\u0000${j}`;
    const e = merged.get(key) ?? { lane: c.lane, j, count: 0, failed: 0, active: 0 };
    e.count += c.started + (atStart ? c.carried : 0);
    e.failed += c.startedFailed + (atStart ? c.carriedFailed : 0);
    e.active += c.startedActive + (atStart ? c.carriedActive : 0);
    merged.set(key, e);
  }
  const width = o.stepMs * m;
  return [...merged.values()]
    .filter((e) => e.count > 0)
    .sort((a, b) => (a.lane < b.lane ? -1 : a.lane > b.lane ? 1 : a.j - b.j))
    .map((e) => ({
      lane: e.lane,
      start: new Date(
        Math.max(o.from.getTime() + e.j * width, o.clip.from.getTime()),
      ).toISOString(),
      end: new Date(
        Math.min(o.from.getTime() + (e.j + 1) * width, o.clip.to.getTime()),
      ).toISOString(),
      count: e.count,
      failed: e.failed,
      active: e.active,
    }));
}
