import type { JobBaselineView } from "@/lib/contracts/jobs";
import { getDb, type Tx } from "@/lib/db/client";
import { buildBaselines, type PastRun } from "@/lib/domain/baselines";

/** The phases of a past run as the estimator reads them (a Prisma `select` for `Job.phases`). */
export const PAST_RUN_PHASES = {
  select: {
    vendorKey: true,
    parentKey: true,
    lane: true,
    name: true,
    startedAt: true,
    endedAt: true,
  },
  orderBy: [{ depth: "asc" as const }, { sortOrder: "asc" as const }],
};

type PastPhaseRow = Omit<PastRun["phases"][number], "key"> & { vendorKey: string };

export const toPastPhases = (phases: PastPhaseRow[]): PastRun["phases"] =>
  phases.map(({ vendorKey, ...p }) => ({ key: vendorKey, ...p }));

/** Recent runs say more about today's estate than old ones. */
const RUNS_CONSIDERED = 20;

/**
 * Past successful runs of the same job kind as `jobId`: same source and type, and the same
 * policy, dataset and DR group (null matching null), newest first. Null when the job is unknown.
 */
export async function listPastRuns(
  jobId: string,
  db: Tx = getDb(),
  limit = RUNS_CONSIDERED,
): Promise<PastRun[] | null> {
  const job = await db.job.findUnique({
    where: { id: jobId },
    select: { sourceId: true, type: true, policy: true, dataset: true, drGroup: true },
  });
  if (!job) return null;
  const rows = await db.job.findMany({
    where: {
      sourceId: job.sourceId,
      type: job.type,
      policy: job.policy,
      dataset: job.dataset,
      drGroup: job.drGroup,
      state: "succeeded",
      id: { not: jobId },
      startedAt: { not: null },
      endedAt: { not: null },
    },
    orderBy: [{ endedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      startedAt: true,
      endedAt: true,
      phases: PAST_RUN_PHASES,
    },
  });
  const runs: PastRun[] = [];
  for (const r of rows) {
    if (!r.startedAt || !r.endedAt) continue;
    runs.push({
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      phases: toPastPhases(r.phases),
    });
  }
  return runs;
}

export async function getJobBaseline(
  jobId: string,
  db: Tx = getDb(),
): Promise<JobBaselineView | null> {
  const runs = await listPastRuns(jobId, db);
  return runs === null ? null : buildBaselines(runs);
}
