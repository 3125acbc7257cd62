import type { GroupRow, SlowPhaseRow, TrendRow } from "@/lib/contracts/history";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";

const MINUTE = 60_000;
/** Minutes to one decimal: charts label axes in minutes, the tables keep exact durations. */
const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / MINUTE) * 10) / 10);
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

export interface TrendChartRow {
  period: string;
  /** Axis label: "Mar", with the year where it starts or changes ("Jan 2026"), so a year of months fits. */
  label: string;
  runs: number;
  successPct: number | null;
  rtoMedianMin: number | null;
  rtoP90Min: number | null;
}

/** One point per period in order; a period without a measured RTO stays null so the line breaks. */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function periodLabel(period: string, first: boolean): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month) return period;
  const name = MONTHS[Number(month[2]) - 1] ?? period;
  return first || month[2] === "01" ? `${name} ${month[1]}` : name;
}

export function trendChartRows(rows: readonly TrendRow[]): TrendChartRow[] {
  return rows.map((r, i) => ({
    period: r.period,
    label: periodLabel(r.period, i === 0),
    runs: r.runs,
    successPct: percent(r.successRate),
    rtoMedianMin: minutes(r.rtoMedianMs),
    rtoP90Min: minutes(r.rtoP90Ms),
  }));
}

export interface GroupChartRow {
  group: string;
  rtoMedianMin: number | null;
  rtoP90Min: number | null;
  targetMin: number | null;
  tests: number;
  /** "never tested this quarter" as text for the label, not only a colour. */
  testLabel: string;
}

export function groupChartRows(rows: readonly GroupRow[]): GroupChartRow[] {
  return rows.map((g) => ({
    group: g.group,
    rtoMedianMin: minutes(g.rtoMedianMs),
    rtoP90Min: minutes(g.rtoP90Ms),
    targetMin: minutes(g.rtoTargetMs),
    tests: g.testsThisQuarter,
    testLabel: g.testsThisQuarter === 0 ? "untested" : String(g.testsThisQuarter),
  }));
}

/** Groups that have an RTO to plot, slowest first; the RTO chart leaves the others out rather than drawing zero. */
export function groupsWithRto(rows: readonly GroupChartRow[]): GroupChartRow[] {
  return rows
    .filter((r) => r.rtoMedianMin !== null)
    .sort(
      (a, b) => (b.rtoMedianMin ?? 0) - (a.rtoMedianMin ?? 0) || a.group.localeCompare(b.group),
    );
}

/** Pixels per group row: a label's line height plus air, so names never overlap however many groups there are. */
export const GROUP_ROW_PX = 26;

/**
 * Per-group charts run one row per group down the page (names on the left, horizontal, never
 * rotated or overlapping) and scroll inside a fixed frame once there are more than fit; with
 * 100 groups on a shared axis the labels were drawn on top of each other.
 */
export function groupChartHeight(
  groups: number,
  frame: number,
  chrome = 56,
): { height: number; scrolls: boolean } {
  const height = Math.max(frame, groups * GROUP_ROW_PX + chrome);
  return { height, scrolls: height > frame };
}

export interface SlowPhaseChartRow {
  label: string;
  medianMin: number;
  maxMin: number;
  runs: number;
}

export function slowPhaseChartRows(rows: readonly SlowPhaseRow[]): SlowPhaseChartRow[] {
  return rows.map((p) => ({
    label: `${p.name} (${VENDOR_LABEL[p.kind]})`,
    medianMin: minutes(p.medianMs) ?? 0,
    maxMin: minutes(p.maxMs) ?? 0,
    runs: p.runs,
  }));
}
