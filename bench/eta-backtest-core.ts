import {
  buildBaselines,
  estimateFinish,
  median,
  type EtaPhase,
  type PastRun,
  type TimedPhase,
} from "@/lib/domain/baselines";

/** One finished run from stored history, with what identifies its kind (the baseline's grouping). */
export interface HistoricRun extends PastRun {
  vendor: string;
  type: string;
  /** Source, type, policy, dataset and DR group: runs with the same key share a baseline (lib/data/baselines.ts). */
  key: string;
}

/** The estimator under test: Jobdeck's, or an earlier one to compare with. */
export interface Estimator {
  buildBaselines: typeof buildBaselines;
  estimateFinish: typeof estimateFinish;
}

export const CHECKPOINTS = [0.25, 0.5, 0.75] as const;
// As many past runs as the job page considers (lib/data/baselines.ts).
const RUNS_CONSIDERED = 20;

interface Sample {
  vendor: string;
  type: string;
  checkpoint: number;
  /** Null: the estimator said "no estimate". */
  error: number | null;
  hit: boolean;
}

export interface CheckpointFigures {
  /** Runs the estimator gave a finish for; the rest showed "no estimate". */
  estimated: number;
  /** Median of |ETA − real end| as a share of the run's real length. */
  medianAbsError: number | null;
  /** Share of estimates whose real end fell inside ETA ± the shown spread. */
  withinSpread: number | null;
}

export interface BacktestRow {
  vendor: string;
  type: string;
  runs: number;
  at: Record<string, CheckpointFigures>;
}

export interface Backtest {
  rows: BacktestRow[];
  total: BacktestRow;
}

/**
 * Replays every run as if Jobdeck were looking at it part-way: at 25 %, 50 % and 75 % of its real
 * length, with only the phases that had started or ended by then and only past runs of its kind
 * that had ended by then as history, it asks the estimator for the finish and compares it with
 * the real end.
 */
export function backtestEta(
  runs: readonly HistoricRun[],
  estimator: Estimator = { buildBaselines, estimateFinish },
): Backtest {
  const byKey = new Map<string, HistoricRun[]>();
  for (const r of runs) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  for (const list of byKey.values()) list.sort((a, b) => b.endedAt.getTime() - a.endedAt.getTime());

  const samples: Sample[] = [];
  const runCounts = new Map<string, number>();
  for (const run of runs) {
    const length = run.endedAt.getTime() - run.startedAt.getTime();
    if (length <= 0) continue;
    const group = `${run.vendor}\u0000${run.type}`;
    runCounts.set(group, (runCounts.get(group) ?? 0) + 1);
    for (const checkpoint of CHECKPOINTS) {
      const now = run.startedAt.getTime() + checkpoint * length;
      const past = (byKey.get(run.key) ?? [])
        .filter((p) => p !== run && p.endedAt.getTime() <= now)
        .slice(0, RUNS_CONSIDERED);
      const eta = estimator.estimateFinish(
        { state: "running", startedAt: run.startedAt },
        phasesAsOf(run.phases, now),
        estimator.buildBaselines(past),
        now,
      );
      const miss = eta ? Math.abs(eta.at - run.endedAt.getTime()) : null;
      samples.push({
        vendor: run.vendor,
        type: run.type,
        checkpoint,
        error: miss === null ? null : miss / length,
        hit: eta !== null && miss !== null && miss <= eta.plusMinusMs,
      });
    }
  }
  const rows = [...runCounts.entries()]
    .map(([group, count]) => {
      const [vendor = "", type = ""] = group.split("\u0000");
      return summarise(
        vendor,
        type,
        count,
        samples.filter((s) => s.vendor === vendor && s.type === type),
      );
    })
    .sort((a, b) => a.vendor.localeCompare(b.vendor) || a.type.localeCompare(b.type));
  return {
    rows,
    total: summarise(
      "all",
      "all",
      [...runCounts.values()].reduce((a, b) => a + b, 0),
      samples,
    ),
  };
}

function summarise(
  vendor: string,
  type: string,
  runs: number,
  samples: readonly Sample[],
): BacktestRow {
  const at: Record<string, CheckpointFigures> = {};
  for (const checkpoint of CHECKPOINTS) {
    const made = samples.filter((s) => s.checkpoint === checkpoint && s.error !== null);
    at[String(checkpoint)] = {
      estimated: made.length,
      medianAbsError: median(made.map((s) => s.error ?? 0)),
      withinSpread: made.length ? made.filter((s) => s.hit).length / made.length : null,
    };
  }
  return { vendor, type, runs, at };
}

/** The phases as a poll at `now` would have seen them: later starts and ends not yet known. */
export function phasesAsOf(phases: readonly TimedPhase[], now: number): EtaPhase[] {
  return phases
    .filter((p) => p.startedAt && p.startedAt.getTime() <= now)
    .map((p) => {
      const ended = p.endedAt && p.endedAt.getTime() <= now ? p.endedAt : null;
      return { ...p, endedAt: ended, state: ended ? "succeeded" : "running" };
    });
}
