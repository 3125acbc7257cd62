import type { WallDensityLane, WallTimelineDensity } from "@/lib/contracts/wall";
import type { DensityRow } from "@/lib/data/wall";

/** Lanes a wall can show one per source; the rest are summed into one lane. */
export const MAX_DENSITY_LANES = 30;

/**
 * Density rows as lanes in the sources panel's order: the busiest MAX_DENSITY_LANES sources keep a
 * lane each, the others are summed slice by slice into one last lane, so the figures stay whole
 * while the payload stays as big as the screen.
 */
export function densityLanes(
  rows: readonly DensityRow[],
  sources: ReadonlyArray<{ id: string; name: string }>,
  slices: number,
  maxLanes = MAX_DENSITY_LANES,
): WallTimelineDensity {
  const bySource = new Map<string, DensityRow[]>();
  for (const r of rows) bySource.set(r.sourceId, [...(bySource.get(r.sourceId) ?? []), r]);
  const load = (id: string) => (bySource.get(id) ?? []).reduce((n, r) => n + r.jobs, 0);
  const shown = sources.filter((s) => bySource.has(s.id));
  const kept = new Set(
    [...shown]
      .sort((a, b) => load(b.id) - load(a.id) || a.name.localeCompare(b.name))
      .slice(0, maxLanes)
      .map((s) => s.id),
  );
  const cells = (list: readonly DensityRow[]): WallDensityLane["cells"] =>
    list.map((r) => [r.i, r.jobs, r.failed, r.running]);
  const lanes: WallDensityLane[] = shown
    .filter((s) => kept.has(s.id))
    .map((s) => ({ sourceId: s.id, label: s.name, cells: cells(bySource.get(s.id) ?? []) }));
  const rest = shown.filter((s) => !kept.has(s.id));
  if (rest.length > 0) {
    const summed = new Map<number, DensityRow>();
    for (const s of rest)
      for (const r of bySource.get(s.id) ?? []) {
        const e = summed.get(r.i) ?? {
          sourceId: "",
          i: r.i,
          jobs: 0,
          failed: 0,
          running: 0,
          entering: 0,
        };
        summed.set(r.i, {
          ...e,
          jobs: e.jobs + r.jobs,
          failed: e.failed + r.failed,
          running: e.running + r.running,
        });
      }
    lanes.push({
      sourceId: null,
      label: `${rest.length} other sources`,
      cells: cells([...summed.values()].sort((a, b) => a.i - b.i)),
    });
  }
  return { slices, jobs: rows.reduce((n, r) => n + r.entering, 0), lanes };
}
