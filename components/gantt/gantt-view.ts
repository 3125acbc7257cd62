/** The visible window of the Gantt's axis, in axis units; null means "everything, following now". */
export type GanttView = readonly [number, number] | null;

const MIN_SPAN = 1_000;

function clamp(from: number, to: number, extent: number): readonly [number, number] {
  const span = Math.min(Math.max(to - from, MIN_SPAN), Math.max(extent, MIN_SPAN));
  const start = Math.min(Math.max((from + to) / 2 - span / 2, 0), Math.max(0, extent - span));
  return [start, start + span];
}

/** factor < 1 zooms in around the window's centre; a window as wide as the whole run is "everything". */
export function zoomView(view: GanttView, extent: number, factor: number): GanttView {
  const [a, b] = view ?? [0, extent];
  const centre = (a + b) / 2;
  const half = ((b - a) * factor) / 2;
  if (half * 2 >= extent) return null;
  return clamp(centre - half, centre + half, extent);
}

/** Moves the window by a fraction of its width, stopping at either end of the run. */
export function panView(view: GanttView, extent: number, fraction: number): GanttView {
  if (!view) return null;
  const shift = (view[1] - view[0]) * fraction;
  return clamp(view[0] + shift, view[1] + shift, extent);
}

export function visibleWindow(view: GanttView, extent: number): readonly [number, number] {
  return view ?? [0, Math.max(extent, MIN_SPAN)];
}
