import type { Tx } from "@/lib/db/client";
import type { RuleParams } from "@/lib/contracts/alerts";
import { allHistoryRows } from "@/lib/data/history";
import { measureRuns } from "@/lib/services/history/measure-runs";
import { minutesMs } from "../scope";
import { formatMinutes } from "./job-slow";
import type { Firing, RuleRow } from "../types";

/** Enough for weeks of failovers and DR tests in a large estate; older runs are not news. */
const MAX_RUNS = 5_000;

/**
 * A failover or DR test group whose latest measured run took longer than its RTO target (set on the
 * history page). RTO is measured exactly as the history page and evidence reports measure it. Clears
 * when a later run of the group meets the target.
 */
export async function rtoExceeded(
  rule: RuleRow,
  params: RuleParams<"rto_exceeded">,
  db: Tx,
  now: Date,
): Promise<Firing[]> {
  const rows = await allHistoryRows(
    { from: new Date(now.getTime() - minutesMs(params.lookbackMinutes)) },
    MAX_RUNS,
    db,
  );
  const like = rule.namePattern ? likeRegex(rule.namePattern) : null;
  const inScope = rows.filter(
    (r) =>
      (!rule.sourceId || r.sourceId === rule.sourceId) &&
      (!rule.vendor || r.kind === rule.vendor) &&
      (!rule.jobType || r.type === rule.jobType) &&
      (!like || like.test(r.name)),
  );
  const measured = (await measureRuns(inScope, { rpo: false }, db))
    .map((m) => m.run)
    .filter((r) => r.rtoMet !== null && r.endedAt);
  // Newest first already (sortAt desc): the first run seen per group is its latest.
  const latest = new Map<string, (typeof measured)[number]>();
  for (const run of measured) {
    const key = `${run.sourceId}:${run.group ?? run.name}`;
    if (!latest.has(key)) latest.set(key, run);
  }
  const out: Firing[] = [];
  for (const [key, run] of latest) {
    if (run.rtoMet !== false || run.rtoMs === null || run.rtoTargetMs === null) continue;
    out.push({
      subject: `group:${key}`,
      title: `${run.group ?? run.name} missed its RTO on ${run.sourceName}`,
      detail: `${run.name} took ${formatMinutes(run.rtoMs)} to restore service against a target of ${formatMinutes(run.rtoTargetMs)}.`,
      sourceId: run.sourceId,
      jobId: run.id,
      facts: { jobId: run.id, rtoMs: run.rtoMs, targetMs: run.rtoTargetMs },
    });
  }
  return out;
}

/** The same glob as the SQL scopes, for rows already in memory. */
function likeRegex(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "is");
}
