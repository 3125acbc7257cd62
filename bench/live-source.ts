import type { Db } from "@/lib/db/client";
import { startWorker } from "@/lib/sync/worker";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";

export interface LiveSource {
  sim: SimulatedSourceFixture;
  stop(): Promise<void>;
}

/**
 * One simulated ONTAP cluster on the wall clock, with no jobs of its own (the benchmark starts
 * them), polled by a real worker on the product's cadence.
 */
export async function startLiveSource(
  db: Db,
  databaseUrl: string,
  name: string,
): Promise<LiveSource> {
  const sim = await startSimulatedSource(db, "ontap", {
    name,
    timeoutMs: 10_000,
    scenario: { initialJobs: 0, meanIntervalMs: 1_000_000_000 },
  });
  sim.clock.set(Date.now());
  const tick = setInterval(() => sim.clock.set(Date.now()), 100);
  const worker = await startWorker({ db, databaseUrl, concurrency: 4 });
  return {
    sim,
    stop: async () => {
      clearInterval(tick);
      await worker.stop();
      await sim.close();
    },
  };
}

/** The ids of the source's running jobs once the sync has stored at least `n`; fails after 2 minutes. */
export async function waitForRunningJobs(db: Db, sourceId: string, n: number): Promise<string[]> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const jobs = await db.job.findMany({
      where: { sourceId, state: "running" },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    if (jobs.length >= n) return jobs.map((j) => j.id);
    if (Date.now() > deadline) throw new Error(`only ${jobs.length} of ${n} jobs stored running`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
