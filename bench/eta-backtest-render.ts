import { CHECKPOINTS, type BacktestRow } from "./eta-backtest-core";
import type { EtaBacktestResult } from "./eta-backtest";

const pct = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)} %`);

function row(r: BacktestRow): string {
  const cells = CHECKPOINTS.map((c) => {
    const f = r.at[String(c)];
    return f ? `${pct(f.medianAbsError)} / ${pct(f.withinSpread)} (${f.estimated})` : "–";
  });
  return `| ${r.vendor} | ${r.type} | ${r.runs} | ${cells.join(" | ")} |`;
}

/** The ETA backtest as the Markdown table the README quotes. */
export function renderEtaBacktest(e: EtaBacktestResult): string {
  return [
    `ETA backtest over the five simulators' histories (${e.total.runs} successful runs; the estate they start with plus ${e.days} simulated day(s) of new runs).`,
    'Each cell: median |estimated end − real end| as a share of the run\'s length / share of runs whose real end was inside the shown ± spread (runs estimated; the rest showed "no estimate").',
    "",
    `| vendor | type | runs | at 25 % | at 50 % | at 75 % |`,
    "|---|---|---|---|---|---|",
    row(e.total),
    ...e.rows.map(row),
    "",
  ].join("\n");
}
