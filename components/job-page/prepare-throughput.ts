import type { SampleView } from "@/lib/contracts/jobs";

export interface ThroughputRow {
  t: number;
  /** In `rateUnit`; null where the vendor gave no rate (the line breaks rather than inventing zero). */
  rate: number | null;
  /** In `movedUnit`. */
  moved: number | null;
}

export interface ThroughputChartData {
  rows: ThroughputRow[];
  rateUnit: string;
  movedUnit: string;
}

const RATE_UNITS = ["B/s", "KB/s", "MB/s", "GB/s", "TB/s"];
const SIZE_UNITS = ["B", "KB", "MB", "GB", "TB", "PB"];

/** The decimal unit in which the largest value reads as 1-999, as storage vendors report. */
function scaleFor(max: number, units: string[]): { unit: string; divisor: number } {
  let i = 0;
  while (max >= 1000 ** (i + 1) && i < units.length - 1) i++;
  return { unit: units[i] ?? "B", divisor: 1000 ** i };
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Samples to chart rows, oldest first, with units picked from the largest value. */
export function prepareThroughput(samples: readonly SampleView[]): ThroughputChartData {
  const sorted = [...samples].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const rates = sorted.map((s) => s.bytesPerSec);
  const moved = sorted.map((s) => (s.bytesDone === null ? null : Number(s.bytesDone)));
  const rate = scaleFor(Math.max(0, ...rates.filter((v): v is number => v !== null)), RATE_UNITS);
  const size = scaleFor(Math.max(0, ...moved.filter((v): v is number => v !== null)), SIZE_UNITS);
  return {
    rows: sorted.map((s, i) => {
      const r = rates[i] ?? null;
      const m = moved[i] ?? null;
      return {
        t: Date.parse(s.at),
        rate: r === null ? null : round(r / rate.divisor),
        moved: m === null ? null : round(m / size.divisor),
      };
    }),
    rateUnit: rate.unit,
    movedUnit: size.unit,
  };
}
