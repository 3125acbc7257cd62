import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import type { RuleParams } from "@/lib/contracts/alerts";
import { jobScopeSql, minutesMs, seriesSubject } from "../scope";
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
  state: string;
  endedAt: Date;
  message: string | null;
}

/**
 * One incident per job series whose latest finished run failed: a job failing night after night is
 * one problem that updates, not a storm; it clears when a later run of the series finishes well.
 */
export async function jobFailed(
  rule: RuleRow,
  params: RuleParams<"job_failed">,
  db: Tx,
  now: Date,
): Promise<Firing[]> {
  const since = new Date(now.getTime() - minutesMs(params.lookbackMinutes));
  // Same-second ends are common (whole-second vendor times): the later start is the later run.
  const rows = await db.$queryRaw<Row[]>`
    SELECT * FROM (
      SELECT DISTINCT ON (j."sourceId", j."type", j."policy", j."dataset", j."drGroup")
        j."id", j."sourceId", s."name" AS "sourceName", j."name", j."type", j."policy", j."dataset", j."drGroup",
        j."state"::text AS "state", j."endedAt", j."message"
      FROM "Job" j JOIN "Source" s ON s."id" = j."sourceId"
      WHERE j."endedAt" > ${since} AND j."state" IN ('succeeded', 'partial', 'failed', 'aborted', 'canceled') AND ${jobScopeSql(rule)}
      ORDER BY j."sourceId", j."type", j."policy", j."dataset", j."drGroup", j."endedAt" DESC, j."startedAt" DESC NULLS LAST, j."id" DESC
    ) latest
    WHERE latest."state" IN (${Prisma.join(params.states)})`;
  return rows.map((r) => ({
    subject: seriesSubject(r),
    title: `${r.name} ${r.state} on ${r.sourceName}`,
    detail: r.message
      ? `Latest run ${r.state} at ${r.endedAt.toISOString()}: ${r.message}`
      : `Latest run ${r.state} at ${r.endedAt.toISOString()}.`,
    sourceId: r.sourceId,
    jobId: r.id,
    facts: { state: r.state, endedAt: r.endedAt.toISOString(), type: r.type },
  }));
}
