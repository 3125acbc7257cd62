import { Prisma } from "@/lib/generated/prisma/client";
import { jobScopeSql } from "../scope";
import type { RuleRow } from "../types";

/** A job with the columns naming its series (the baseline's "same job"), as series conditions read it. */
export interface SeriesJobRow {
  id: string;
  sourceId: string;
  sourceName: string;
  name: string;
  type: string;
  policy: string | null;
  dataset: string | null;
  drGroup: string | null;
}

/**
 * A query over the latest finished run of every job series in the rule's scope that ended after
 * `since`: the series columns of `SeriesJobRow`, then `columns` (of `j`, the Job). `where` narrows
 * the runs considered before the latest is picked. Conditions that judge a series by its most
 * recent outcome (failed, suspiciously short) start from this. Appliances report whole seconds, so
 * two runs of a series often end in the same second: the one that started later is the later run
 * (an id tie-break would pick either at random).
 */
export function latestFinishedRunsSql(
  rule: RuleRow,
  since: Date,
  columns: Prisma.Sql,
  where: Prisma.Sql = Prisma.sql`TRUE`,
): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT ON (j."sourceId", j."type", j."policy", j."dataset", j."drGroup")
      j."id", j."sourceId", s."name" AS "sourceName", j."name", j."type", j."policy", j."dataset", j."drGroup",
      ${columns}
    FROM "Job" j JOIN "Source" s ON s."id" = j."sourceId"
    WHERE j."endedAt" > ${since} AND ${where}
      AND j."state" IN ('succeeded', 'partial', 'failed', 'aborted', 'canceled') AND ${jobScopeSql(rule)}
    ORDER BY j."sourceId", j."type", j."policy", j."dataset", j."drGroup", j."endedAt" DESC, j."startedAt" DESC NULLS LAST, j."id" DESC`;
}
