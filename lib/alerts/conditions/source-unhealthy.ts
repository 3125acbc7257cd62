import type { Tx } from "@/lib/db/client";
import type { RuleParams } from "@/lib/contracts/alerts";
import { minutesMs } from "../scope";
import { formatMinutes } from "./job-slow";
import type { Firing, RuleRow } from "../types";

interface Row {
  id: string;
  name: string;
  lastSuccessAt: Date | null;
  createdAt: Date;
  lastError: string | null;
  consecutiveFailures: number;
}

/**
 * A source with no successful poll for N minutes, whether it is failing (errors) or silent (a worker
 * gone, a hung vendor): either way its screens are showing old news. Clears on the next good poll.
 */
export async function sourceUnhealthy(
  rule: RuleRow,
  params: RuleParams<"source_unhealthy">,
  db: Tx,
  now: Date,
): Promise<Firing[]> {
  const before = new Date(now.getTime() - minutesMs(params.forMinutes));
  const rows = await db.$queryRaw<Row[]>`
    SELECT s."id", s."name", s."lastSuccessAt", s."createdAt", s."lastError", s."consecutiveFailures"
    FROM "Source" s
    WHERE s."enabled" AND s."archivedAt" IS NULL
      AND (${rule.sourceId}::uuid IS NULL OR s."id" = ${rule.sourceId}::uuid)
      AND (${rule.vendor}::text IS NULL OR s."kind"::text = ${rule.vendor}::text)
      AND COALESCE(s."lastSuccessAt", s."createdAt") < ${before}`;
  return rows.map((r) => {
    const since = r.lastSuccessAt ?? r.createdAt;
    const failing = r.consecutiveFailures > 0;
    return {
      subject: `source:${r.id}`,
      title: `${r.name} is ${failing ? "failing" : "stale"}`,
      detail: `${r.lastSuccessAt ? `No successful poll for ${formatMinutes(now.getTime() - since.getTime())}` : "Never polled successfully"}${failing ? `; ${r.consecutiveFailures} failed polls, last: ${r.lastError ?? "unknown error"}` : ""}.`,
      sourceId: r.id,
      jobId: null,
      facts: { failing, lastSuccessAt: r.lastSuccessAt?.toISOString() ?? null },
    };
  });
}
