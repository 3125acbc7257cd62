import type { Tx } from "@/lib/db/client";
import type { RuleParams } from "@/lib/contracts/alerts";
import { listPastRuns } from "@/lib/data/baselines";
import { buildBaselines } from "@/lib/domain/baselines";
import { jobScopeSql, minutesMs } from "../scope";
import type { Firing, RuleRow } from "../types";

interface Row {
  id: string;
  sourceId: string;
  sourceName: string;
  name: string;
  startedAt: Date;
}

/**
 * A job still running past its limit, caught while it runs (not after it ends): the limit is a set
 * number of minutes, or the p90 of its past successful runs (the job page's baseline) times a factor.
 * Clears when the job ends.
 */
export async function jobSlow(
  rule: RuleRow,
  params: RuleParams<"job_slow">,
  db: Tx,
  now: Date,
): Promise<Firing[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT j."id", j."sourceId", s."name" AS "sourceName", j."name", j."startedAt"
    FROM "Job" j JOIN "Source" s ON s."id" = j."sourceId"
    WHERE j."state" IN ('running', 'paused', 'aborting') AND j."startedAt" IS NOT NULL AND j."goneAt" IS NULL AND ${jobScopeSql(rule)}`;
  const out: Firing[] = [];
  for (const r of rows) {
    const elapsedMs = now.getTime() - r.startedAt.getTime();
    let limitMs: number;
    let basis: string;
    if (params.limitMinutes !== undefined) {
      limitMs = minutesMs(params.limitMinutes);
      basis = `its limit of ${params.limitMinutes} min`;
    } else {
      const runs = await listPastRuns(r.id, db);
      const baseline = runs ? buildBaselines(runs).job : null;
      if (!baseline || baseline.runs < params.minRuns) continue;
      limitMs = baseline.p90Ms * params.factor;
      basis = `${params.factor === 1 ? "" : `${params.factor} × `}the p90 of its last ${baseline.runs} successful runs (${formatMinutes(baseline.p90Ms)})`;
    }
    if (elapsedMs <= limitMs) continue;
    out.push({
      subject: `job:${r.id}`,
      title: `${r.name} is running long on ${r.sourceName}`,
      detail: `Running for ${formatMinutes(elapsedMs)}, past ${basis}.`,
      sourceId: r.sourceId,
      jobId: r.id,
      facts: { limitMs: Math.round(limitMs), startedAt: r.startedAt.toISOString() },
    });
  }
  return out;
}

export function formatMinutes(ms: number): string {
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 2 * 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
