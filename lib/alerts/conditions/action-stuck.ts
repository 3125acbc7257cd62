import type { Tx } from "@/lib/db/client";
import type { RuleParams } from "@/lib/contracts/alerts";
import { jobScopeSql } from "../scope";
import type { Firing, RuleRow } from "../types";

interface Row {
  actionId: string;
  action: string;
  actor: string;
  completedAt: Date;
  jobId: string;
  name: string;
  state: string;
  sourceId: string;
  sourceName: string;
}

/** Accepted actions older than this are history: the job has long since been dealt with or not. */
const WATCH_MS = 86_400_000;

/**
 * The vendor said yes to a stop (abort, cancel, kill) or pause, yet `polls` fast-cadence polls later
 * the job is still running: the appliance ignored it, or is stuck doing it. One incident per job;
 * clears when the job stops (or pauses).
 */
export async function actionStuck(
  rule: RuleRow,
  params: RuleParams<"action_stuck">,
  db: Tx,
  now: Date,
): Promise<Firing[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT DISTINCT ON (j."id") a."id" AS "actionId", a."action", a."actor", a."completedAt", j."id" AS "jobId", j."name",
      j."state"::text AS "state", j."sourceId", s."name" AS "sourceName"
    FROM "Action" a JOIN "Job" j ON j."id" = a."jobId" JOIN "Source" s ON s."id" = j."sourceId"
    WHERE a."status" = 'succeeded' AND a."completedAt" > ${new Date(now.getTime() - WATCH_MS)}
      AND ((a."action" IN ('abort', 'cancel', 'kill') AND j."state" IN ('running', 'paused'))
        OR (a."action" = 'pause' AND j."state" = 'running'))
      AND s."lastSuccessAt" >= a."completedAt" + (s."fastPollIntervalMs" * ${params.polls}) * interval '1 millisecond'
      AND ${jobScopeSql(rule)}
    ORDER BY j."id", a."completedAt" DESC`;
  return rows.map((r) => ({
    subject: `job:${r.jobId}`,
    title: `${r.name} still ${r.state} after ${r.action}`,
    detail: `${r.sourceName} accepted ${r.actor}'s ${r.action} at ${r.completedAt.toISOString()}, but ${params.polls} polls later the job is still ${r.state}.`,
    sourceId: r.sourceId,
    jobId: r.jobId,
    facts: { actionId: r.actionId, action: r.action },
  }));
}
