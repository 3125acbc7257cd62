const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

export interface TimeTicks {
  ticks: number[];
  /** Labels at the step's precision: seconds when ticks are seconds apart, so no two ticks read the same. */
  format: (ms: number) => string;
}

/**
 * Round-numbered ticks for a time axis from `min` to `max`, at most `maxTicks` of them, and a
 * label format as precise as their spacing. Recharts' own ticks for a few minutes of samples fall
 * every ~20 s and printed HH:MM, so the axis read "14:02 14:02 14:03 14:03".
 */
export function timeTicks(min: number, max: number, maxTicks = 6, timeZone?: string): TimeTicks {
  const span = Math.max(0, max - min);
  const step =
    STEPS.find((s) => span / s <= maxTicks - 1) ?? Math.ceil(span / (maxTicks - 1) / DAY) * DAY;
  const first = Math.ceil(min / step) * step;
  const ticks: number[] = [];
  for (let t = first; t <= max; t += step) ticks.push(t);
  const options: Intl.DateTimeFormatOptions =
    step < MINUTE
      ? { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }
      : step < DAY
        ? {
            hour: "2-digit",
            minute: "2-digit",
            hourCycle: "h23",
            ...(span >= DAY ? { day: "numeric", month: "short" } : {}),
          }
        : { day: "numeric", month: "short" };
  const formatter = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
  return { ticks, format: (ms) => formatter.format(ms) };
}
