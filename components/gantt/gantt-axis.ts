/**
 * The Gantt's time axis: real time mapped piecewise-linearly onto axis units, with long stretches
 * where nothing ran squeezed to a fixed width so a 6-hour wait does not flatten 10 minutes of work.
 */
export interface AxisSegment {
  fromMs: number;
  toMs: number;
  /** Axis units at fromMs; a segment spans (toMs - fromMs) units, or `width` when compressed. */
  axisFrom: number;
  axisTo: number;
  compressed: boolean;
}

export interface GanttAxis {
  originMs: number;
  endMs: number;
  extent: number;
  segments: AxisSegment[];
}

export interface CompressedGap {
  fromMs: number;
  toMs: number;
  axisFrom: number;
  axisTo: number;
  realMs: number;
}

/** Merges the busy intervals and compresses every idle stretch longer than `thresholdMs`. */
export function buildAxis(
  originMs: number,
  endMs: number,
  busy: ReadonlyArray<readonly [number, number]>,
  thresholdMs: number,
): GanttAxis {
  const end = Math.max(originMs, endMs);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of [...busy]
    .map(([a, b]) => [Math.max(originMs, a), Math.min(end, Math.max(a, b))] as const)
    .sort((x, y) => x[0] - y[0])) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const idle: Array<[number, number]> = [];
  let cursor = originMs;
  for (const [a, b] of merged) {
    if (a > cursor) idle.push([cursor, a]);
    cursor = Math.max(cursor, b);
  }
  if (end > cursor) idle.push([cursor, end]);
  const segments: AxisSegment[] = [];
  let at = 0;
  let t = originMs;
  const push = (fromMs: number, toMs: number, compressed: boolean) => {
    if (toMs <= fromMs) return;
    const width = compressed ? thresholdMs / 2 : toMs - fromMs;
    segments.push({ fromMs, toMs, axisFrom: at, axisTo: at + width, compressed });
    at += width;
  };
  for (const [a, b] of idle) {
    if (b - a <= thresholdMs) continue;
    push(t, a, false);
    push(a, b, true);
    t = b;
  }
  push(t, end, false);
  return { originMs, endMs: end, extent: at, segments };
}

/** Time covered by at least one interval: nested and parallel phases count once. */
export function unionLength(intervals: ReadonlyArray<readonly [number, number]>): number {
  let total = 0;
  let reach = -Infinity;
  for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0])) {
    if (b <= reach) continue;
    total += b - Math.max(a, reach);
    reach = b;
  }
  return total;
}

export function toAxis(axis: GanttAxis, ms: number): number {
  if (ms <= axis.originMs) return ms - axis.originMs;
  for (const s of axis.segments) {
    if (ms <= s.toMs)
      return s.axisFrom + ((ms - s.fromMs) / (s.toMs - s.fromMs)) * (s.axisTo - s.axisFrom);
  }
  return axis.extent + (ms - axis.endMs);
}

export function fromAxis(axis: GanttAxis, u: number): number {
  if (u <= 0) return axis.originMs + u;
  for (const s of axis.segments) {
    if (u <= s.axisTo)
      return s.fromMs + ((u - s.axisFrom) / (s.axisTo - s.axisFrom)) * (s.toMs - s.fromMs);
  }
  return axis.endMs + (u - axis.extent);
}

export function compressedGaps(axis: GanttAxis): CompressedGap[] {
  return axis.segments
    .filter((s) => s.compressed)
    .map((s) => ({
      fromMs: s.fromMs,
      toMs: s.toMs,
      axisFrom: s.axisFrom,
      axisTo: s.axisTo,
      realMs: s.toMs - s.fromMs,
    }));
}

const STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
].map((s) => s * 1000);

export interface Tick {
  u: number;
  ms: number;
}

/**
 * Ticks at round times inside the visible window, skipping compressed stretches (their length is
 * labelled instead). Wall-clock ticks are round in UTC minutes; elapsed ticks round from the origin.
 */
export function axisTicks(
  axis: GanttAxis,
  view: readonly [number, number],
  mode: "wall" | "elapsed",
  target = 8,
): Tick[] {
  const [u0, u1] = view;
  const span = Math.max(1, u1 - u0);
  const step = STEPS.find((s) => s >= span / target) ?? STEPS.at(-1) ?? 86_400_000;
  const ticks: Tick[] = [];
  for (const s of axis.segments) {
    if (s.compressed || s.axisTo < u0 || s.axisFrom > u1) continue;
    const from = Math.max(s.fromMs, fromAxis(axis, u0));
    const to = Math.min(s.toMs, fromAxis(axis, u1));
    const base = mode === "wall" ? 0 : axis.originMs;
    for (let ms = base + Math.ceil((from - base) / step) * step; ms <= to; ms += step) {
      if (ticks.at(-1)?.ms === ms) continue;
      ticks.push({ u: toAxis(axis, ms), ms });
    }
  }
  return ticks;
}
