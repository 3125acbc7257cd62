import type { JobSummary } from "@/lib/contracts/jobs";
import type { Tx } from "@/lib/db/client";
import { listPastRuns } from "@/lib/data/baselines";
import { readEtaPhases } from "@/lib/data/wall";
import { buildBaselines, estimateFinish } from "@/lib/domain/baselines";

// Estimating costs two reads per job; a wall shows about this many running rows anyway.
const MAX_ETAS = 24;

/** When each of the newest running jobs should finish, from past runs of the same job. */
export async function estimateWallEtas(
  running: JobSummary[],
  now: Date,
  db: Tx,
): Promise<Map<string, { at: string; plusMinusMs: number }>> {
  const out = new Map<string, { at: string; plusMinusMs: number }>();
  await Promise.all(
    running.slice(0, MAX_ETAS).map(async (job) => {
      const runs = await listPastRuns(job.id, db, 10);
      if (!runs?.length) return;
      const phases = await readEtaPhases(job.id, db);
      const eta = estimateFinish(
        { state: job.state, startedAt: job.startedAt ? new Date(job.startedAt) : null },
        phases.map(({ vendorKey, ...p }) => ({ key: vendorKey, ...p })),
        buildBaselines(runs),
        now.getTime(),
      );
      if (eta)
        out.set(job.id, { at: new Date(eta.at).toISOString(), plusMinusMs: eta.plusMinusMs });
    }),
  );
  return out;
}
