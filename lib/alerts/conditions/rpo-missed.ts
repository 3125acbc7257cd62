import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import type { RuleParams } from "@/lib/contracts/alerts";
import { jobScopeSql, minutesMs } from "../scope";
import { formatMinutes } from "./job-slow";
import type { Firing, RuleRow } from "../types";

interface Row {
  sourceId: string;
  sourceName: string;
  grp: string;
  lastOk: Date | null;
  lastRun: Date;
}

/** A group whose jobs stopped altogether this long ago is retired, not late. */
const RETIRED_AFTER_MS = 30 * 86_400_000;

/**
 * A replication group (DR group, else policy, else dataset, else the job's name) whose last
 * successful run ended longer ago than the rule's RPO: the copy at the far site is that old. Clears on
 * the next successful run.
 */
export async function rpoMissed(
  rule: RuleRow,
  params: RuleParams<"rpo_missed">,
  db: Tx,
  now: Date,
): Promise<Firing[]> {
  const rpoMs = minutesMs(params.rpoMinutes);
  const active = new Date(now.getTime() - Math.max(RETIRED_AFTER_MS, rpoMs * 2));
  const deadline = new Date(now.getTime() - rpoMs);
  const types = params.types.length
    ? Prisma.sql`AND j."type" IN (${Prisma.join(params.types)})`
    : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`
    SELECT j."sourceId", min(s."name") AS "sourceName", COALESCE(j."drGroup", j."policy", j."dataset", j."name") AS "grp",
      max(j."endedAt") FILTER (WHERE j."state" = 'succeeded') AS "lastOk", max(j."sortAt") AS "lastRun"
    FROM "Job" j JOIN "Source" s ON s."id" = j."sourceId"
    WHERE j."sortAt" > ${active} AND ${jobScopeSql(rule)} ${types}
    GROUP BY j."sourceId", COALESCE(j."drGroup", j."policy", j."dataset", j."name")
    HAVING max(j."endedAt") FILTER (WHERE j."state" = 'succeeded') IS NULL
        OR max(j."endedAt") FILTER (WHERE j."state" = 'succeeded') < ${deadline}`;
  return rows
    .filter((r) => r.lastOk !== null || r.lastRun < deadline)
    .map((r) => ({
      subject: `group:${r.sourceId}:${r.grp}`,
      title: `${r.grp} on ${r.sourceName} is past its RPO`,
      detail: r.lastOk
        ? `Last successful run ended ${formatMinutes(now.getTime() - r.lastOk.getTime())} ago; the RPO is ${formatMinutes(rpoMs)}.`
        : `No successful run since ${r.lastRun.toISOString()}; the RPO is ${formatMinutes(rpoMs)}.`,
      sourceId: r.sourceId,
      jobId: null,
      facts: { lastOk: r.lastOk?.toISOString() ?? null, rpoMs },
    }));
}
