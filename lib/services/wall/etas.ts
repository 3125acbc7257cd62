import type { JobSummary } from "@/lib/contracts/jobs";
import type { Tx } from "@/lib/db/client";
import { getJobBaseline } from "@/lib/data/baselines";
import { readEtaPhases } from "@/lib/data/wall";
import { estimateFinish } from "@/lib/domain/baselines";

// Estimating costs two reads per job; a wall shows about this many running rows anyway.
const MAX_ETAS = 24;

/** When each of the newest running jobs should finish, from past runs of the same job kind. */
export async function estimateWallEtas(
  running: JobSummary[],
  now: Date,
  db: Tx,
): Promise<Map<string, { at: string; plusMinusMs: number }>> {
  const out = new Map<string, { at: string; plusMinusMs: number }>();
  await Promise.all(
    running.slice(0, MAX_ETAS).map(async (job) => {
      // The job page's own baseline, so the wall and the job page never show two ETAs for one job.
      const baseline = await getJobBaseline(job.id, db);
      if (!baseline?.runs) return;
      const phases = await readEtaPhases(job.id, db);
      const eta = estimateFinish(
        { state: job.state, startedAt: job.startedAt ? new Date(job.startedAt) : null },
        phases.map(({ vendorKey, ...p }) => ({ key: vendorKey, ...p })),
        baseline,
        now.getTime(),
      );
      if (eta)
        out.set(job.id, { at: new Date(eta.at).toISOString(), plusMinusMs: eta.plusMinusMs });
    }),
  );
  return out;
}
