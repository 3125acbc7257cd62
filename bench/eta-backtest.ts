import type { Db } from "@/lib/db/client";
import { PAST_RUN_PHASES, toPastPhases } from "@/lib/data/baselines";
import { SOURCE_KINDS } from "@/lib/domain/source-kind";
import { pollSource } from "@/lib/sync/poll-source";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import type { BenchDatabase } from "./bench-db";
import { backtestEta, type Backtest, type HistoricRun } from "./eta-backtest-core";

export interface EtaBacktestResult extends Backtest {
  /** Days of simulated time the sync followed each simulator for. */
  days: number;
}

const POLL_EVERY_MS = 15 * 60_000;

/**
 * The five simulators' histories as Jobdeck stores them: each simulator's estate synced, then its
 * clock run forward `days` in 15-minute polls so the runs it keeps producing are stored as they
 * finish. Then every stored successful run is replayed through the estimator (eta-backtest-core).
 */
export async function benchEtaBacktest(
  bench: BenchDatabase,
  opts: { days: number; log: (line: string) => void; compare?: (runs: HistoricRun[]) => void },
): Promise<EtaBacktestResult> {
  const sims: SimulatedSourceFixture[] = [];
  try {
    for (const kind of SOURCE_KINDS)
      sims.push(
        await startSimulatedSource(bench.db, kind, { name: `eta-${kind}`, timeoutMs: 60_000 }),
      );
    const polls = Math.ceil((opts.days * 86_400_000) / POLL_EVERY_MS);
    for (let i = 0; i <= polls; i++) {
      for (const sim of sims) {
        if (i > 0) sim.clock.advance(POLL_EVERY_MS);
        let outcome = await pollSource(
          bench.db,
          await bench.db.source.findUniqueOrThrow({ where: { id: sim.sourceId } }),
        );
        while (outcome.ok && outcome.more)
          outcome = await pollSource(
            bench.db,
            await bench.db.source.findUniqueOrThrow({ where: { id: sim.sourceId } }),
          );
      }
      if (i % 96 === 0)
        opts.log(
          `day ${i / 96}: ${await bench.db.job.count({ where: { state: "succeeded" } })} successful runs stored`,
        );
    }
    const runs = await loadHistory(
      bench.db,
      sims.map((s) => s.sourceId),
    );
    opts.log(`${runs.length} successful runs replayed`);
    opts.compare?.(runs);
    return { days: opts.days, ...backtestEta(runs) };
  } finally {
    await Promise.all(sims.map((s) => s.close()));
  }
}

async function loadHistory(db: Db, sourceIds: string[]): Promise<HistoricRun[]> {
  const jobs = await db.job.findMany({
    where: {
      sourceId: { in: sourceIds },
      state: "succeeded",
      startedAt: { not: null },
      endedAt: { not: null },
    },
    select: {
      kind: true,
      sourceId: true,
      type: true,
      policy: true,
      dataset: true,
      drGroup: true,
      startedAt: true,
      endedAt: true,
      phases: PAST_RUN_PHASES,
    },
  });
  const runs: HistoricRun[] = [];
  for (const j of jobs) {
    if (!j.startedAt || !j.endedAt) continue;
    runs.push({
      vendor: j.kind,
      type: j.type,
      key: JSON.stringify([j.sourceId, j.type, j.policy, j.dataset, j.drGroup]),
      startedAt: j.startedAt,
      endedAt: j.endedAt,
      phases: toPastPhases(j.phases),
    });
  }
  return runs;
}
