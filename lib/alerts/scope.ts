import { createHash } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RuleRow } from "./types";

/** A name glob (`*`, `?`) as an ILIKE pattern, with LIKE's own wildcards taken literally. */
export function globToLike(glob: string): string {
  return glob
    .replace(/[\\%_]/g, (c) => `\\${c}`)
    .replace(/\*/g, "%")
    .replace(/\?/g, "_");
}

/** The rule's scope over `j` (Job) joined to `s` (Source); archived sources are never watched. */
export function jobScopeSql(rule: RuleRow): Prisma.Sql {
  const like = rule.namePattern ? globToLike(rule.namePattern) : null;
  return Prisma.sql`s."archivedAt" IS NULL
    AND (${rule.sourceId}::uuid IS NULL OR j."sourceId" = ${rule.sourceId}::uuid)
    AND (${rule.vendor}::text IS NULL OR j."kind"::text = ${rule.vendor}::text)
    AND (${rule.jobType}::text IS NULL OR j."type" = ${rule.jobType}::text)
    AND (${like}::text IS NULL OR j."name" ILIKE ${like}::text)`;
}

/** A job series (the baseline's "same job": source, type, policy, dataset, DR group) as a short stable subject. */
export function seriesSubject(row: {
  sourceId: string;
  type: string;
  policy: string | null;
  dataset: string | null;
  drGroup: string | null;
}): string {
  const digest = createHash("sha256")
    .update(JSON.stringify([row.sourceId, row.type, row.policy, row.dataset, row.drGroup]))
    .digest("base64url");
  return `series:${digest.slice(0, 22)}`;
}

export const minutesMs = (m: number) => Math.round(m * 60_000);
