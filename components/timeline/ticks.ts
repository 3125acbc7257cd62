const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const STEPS = [
  MIN,
  5 * MIN,
  15 * MIN,
  30 * MIN,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
];

/**
 * Axis ticks on round times in the shown zone: the smallest step giving at most `maxTicks`.
 * `offsetMs(t)` is the zone's offset from UTC at t (0 for UTC), so "00:00" is midnight where the user is.
 */
export function timeTicks(
  from: number,
  to: number,
  maxTicks: number,
  offsetMs: (t: number) => number,
): number[] {
  const span = Math.max(1, to - from);
  const step = STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / DAY) * DAY;
  const off = offsetMs(from);
  let t = Math.ceil((from + off) / step) * step - off;
  const out: number[] = [];
  while (t <= to && out.length <= maxTicks) {
    out.push(t);
    t += step;
  }
  return out;
}

export const localOffsetMs = (t: number) => -new Date(t).getTimezoneOffset() * MIN;
export const utcOffsetMs = () => 0;
