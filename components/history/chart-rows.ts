import type { GroupRow, SlowPhaseRow, TrendRow } from "@/lib/services/history/types";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";

const MINUTE = 60_000;
/** Minutes to one decimal: charts label axes in minutes, the tables keep exact durations. */
const minutes = (ms: number | null) => (ms === null ? null : Math.round((ms / MINUTE) * 10) / 10);
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

export interface TrendChartRow {
  period: string;
  runs: number;
  successPct: number | null;
  rtoMedianMin: number | null;
  rtoP90Min: number | null;
}

/** One point per period in order; a period without a measured RTO stays null so the line breaks. */
export function trendChartRows(rows: readonly TrendRow[]): TrendChartRow[] {
  return rows.map((r) => ({
    period: r.period,
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

/** Groups that have an RTO to plot; the RTO chart leaves the others out rather than drawing zero. */
export function groupsWithRto(rows: readonly GroupChartRow[]): GroupChartRow[] {
  return rows.filter((r) => r.rtoMedianMin !== null);
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
