import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import type { RuleParams } from "@/lib/contracts/alerts";
import { minutesMs, seriesSubject } from "../scope";
import type { Firing, RuleRow } from "../types";
import { latestFinishedRunsSql, type SeriesJobRow } from "./latest-runs";

interface Row extends SeriesJobRow {
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
  const rows = await db.$queryRaw<Row[]>`
    SELECT * FROM (
      ${latestFinishedRunsSql(rule, since, Prisma.sql`j."state"::text AS "state", j."endedAt", j."message"`)}
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
