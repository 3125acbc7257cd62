import type { Tx } from "@/lib/db/client";
import type { RuleParams } from "@/lib/contracts/alerts";
import { jobScopeSql, minutesMs, seriesSubject } from "../scope";
import { formatMinutes } from "./job-slow";
import type { Firing, RuleRow } from "../types";

interface Row {
  id: string;
  sourceId: string;
  sourceName: string;
  name: string;
  type: string;
  policy: string | null;
  dataset: string | null;
  drGroup: string | null;
  durationMs: number;
  bytesDone: bigint | null;
  runs: number;
  medianMs: number | null;
  medianBytes: number | null;
}

/** How many earlier successful runs make the baseline, as on the job page. */
const RUNS_CONSIDERED = 20;

/**
 * The latest successful run of a series that took far less time, or moved far less data, than the
 * median of the series' earlier successful runs: a backup that "succeeded" in 40 s instead of 40 min
 * usually copied nothing. Clears when a later run of the series looks normal again.
 */
export async function jobShort(
  rule: RuleRow,
  params: RuleParams<"job_short">,
  db: Tx,
  now: Date,
): Promise<Firing[]> {
  const since = new Date(now.getTime() - minutesMs(params.lookbackMinutes));
  // Appliances report whole seconds, so two runs of a series often end in the same second: the one
  // that started later is the later run (an id tie-break would pick either at random).
  const rows = await db.$queryRaw<Row[]>`
    WITH latest AS (
      SELECT DISTINCT ON (j."sourceId", j."type", j."policy", j."dataset", j."drGroup")
        j."id", j."sourceId", s."name" AS "sourceName", j."name", j."type", j."policy", j."dataset", j."drGroup",
        j."state", j."startedAt", j."endedAt", j."bytesDone"
      FROM "Job" j JOIN "Source" s ON s."id" = j."sourceId"
      WHERE j."endedAt" > ${since} AND j."startedAt" IS NOT NULL
        AND j."state" IN ('succeeded', 'partial', 'failed', 'aborted', 'canceled') AND ${jobScopeSql(rule)}
      ORDER BY j."sourceId", j."type", j."policy", j."dataset", j."drGroup", j."endedAt" DESC, j."startedAt" DESC NULLS LAST, j."id" DESC
    )
    SELECT l."id", l."sourceId", l."sourceName", l."name", l."type", l."policy", l."dataset", l."drGroup", l."bytesDone",
      (EXTRACT(EPOCH FROM (l."endedAt" - l."startedAt")) * 1000)::float8 AS "durationMs",
      b."runs"::int AS "runs", b."medianMs", b."medianBytes"
    FROM latest l
    CROSS JOIN LATERAL (
      SELECT count(*) AS "runs",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (p."endedAt" - p."startedAt")) * 1000)::float8 AS "medianMs",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY p."bytesDone")::float8 AS "medianBytes"
      FROM (
        SELECT p."startedAt", p."endedAt", p."bytesDone" FROM "Job" p
        WHERE p."sourceId" = l."sourceId" AND p."type" = l."type" AND p."policy" IS NOT DISTINCT FROM l."policy"
          AND p."dataset" IS NOT DISTINCT FROM l."dataset" AND p."drGroup" IS NOT DISTINCT FROM l."drGroup"
          AND p."state" = 'succeeded' AND p."id" <> l."id" AND p."startedAt" IS NOT NULL AND p."endedAt" IS NOT NULL
          AND p."endedAt" <= l."endedAt"
        ORDER BY p."endedAt" DESC LIMIT ${RUNS_CONSIDERED}
      ) p
    ) b
    WHERE l."state" = 'succeeded'`;
  const out: Firing[] = [];
  for (const r of rows) {
    if (r.runs < params.minRuns || r.medianMs === null) continue;
    const fast = r.durationMs < r.medianMs * params.durationRatio;
    const bytes = r.bytesDone === null ? null : Number(r.bytesDone);
    const little =
      bytes !== null &&
      r.medianBytes !== null &&
      r.medianBytes > 0 &&
      bytes < r.medianBytes * params.bytesRatio;
    if (!fast && !little) continue;
    const why = [
      fast
        ? `took ${formatMinutes(r.durationMs)} against a median of ${formatMinutes(r.medianMs)}`
        : null,
      little ? `moved ${bytes} bytes against a median of ${Math.round(r.medianBytes ?? 0)}` : null,
    ].filter(Boolean);
    out.push({
      subject: seriesSubject(r),
      title: `${r.name} finished suspiciously ${fast ? "fast" : "light"} on ${r.sourceName}`,
      detail: `The latest successful run ${why.join(" and ")} (${r.runs} earlier runs).`,
      sourceId: r.sourceId,
      jobId: r.id,
      facts: { jobId: r.id, fast, little },
    });
  }
  return out;
}
