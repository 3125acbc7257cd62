import { getDb, type Tx } from "@/lib/db/client";
import { FAILURE_STATES } from "@/lib/domain/job-state";
import {
  CATEGORY_TYPES,
  DEFAULT_RTO_PHASE,
  OUTCOME_STATES,
  RUN_CATEGORIES,
} from "@/lib/domain/rto";
import type { SourceKind } from "@/lib/domain/source-kind";
import { Prisma } from "@/lib/generated/prisma/client";
import type { HistoryFilters } from "./history";

/**
 * History's figures computed by PostgreSQL over every matching run (never a capped sample), with
 * the same rules as lib/domain/rto: RTO to the end of the service-restoring phase (a source's
 * options.rtoPhase, else the vendor default), targets matched on the run's groups in order (the
 * source's own before an estate-wide one), medians as percentile_cont and p90 as nearest rank
 * (percentile_disc, an observed value).
 */

const OUTCOME_SQL = Prisma.sql`CASE
  WHEN j."state" = 'succeeded' THEN 'succeeded' WHEN j."state" = 'partial' THEN 'partial'
  WHEN j."state"::text IN (${Prisma.join(FAILURE_STATES)}) THEN 'failed' ELSE 'running' END`;

const pairs = (types: ReadonlyArray<{ kind: SourceKind; type: string }>) =>
  Prisma.join(types.map((t) => Prisma.sql`(${t.kind}, ${t.type})`));

const CATEGORY_SQL = Prisma.sql`CASE ${Prisma.join(
  RUN_CATEGORIES.map(
    (c) => Prisma.sql`WHEN (j."kind"::text, j."type") IN (${pairs(CATEGORY_TYPES[c])}) THEN ${c}`,
  ),
  " ",
)} END`;

const DEFAULT_PHASE_SQL = Prisma.sql`CASE j."kind"::text ${Prisma.join(
  Object.entries(DEFAULT_RTO_PHASE).map(([kind, phase]) => Prisma.sql`WHEN ${kind} THEN ${phase}`),
  " ",
)} END`;

const WS = Prisma.sql`E' \\t\\r\\n'`;
const ms = (later: Prisma.Sql, earlier: Prisma.Sql) =>
  Prisma.sql`greatest(0, extract(epoch FROM ${later} - ${earlier}) * 1000)::float8`;
const ts = (d: Date) => Prisma.sql`${d.toISOString().replace("Z", "")}::timestamp`;

function filterSql(f: HistoryFilters): Prisma.Sql {
  const categories = f.categories?.length ? f.categories : RUN_CATEGORIES;
  const types = categories
    .flatMap((c) => CATEGORY_TYPES[c])
    .filter((t) => !f.kinds?.length || f.kinds.includes(t.kind));
  const parts: Prisma.Sql[] = [
    types.length ? Prisma.sql`(j."kind"::text, j."type") IN (${pairs(types)})` : Prisma.sql`false`,
  ];
  if (f.groups?.length) {
    parts.push(
      Prisma.sql`(${Prisma.join(
        f.groups.map(
          (g) =>
            Prisma.sql`strpos(lower(coalesce(j."drGroup", '')), lower(${g})) > 0 OR strpos(lower(coalesce(j."policy", '')), lower(${g})) > 0`,
        ),
        " OR ",
      )})`,
    );
  }
  if (f.outcomes?.length)
    parts.push(
      Prisma.sql`j."state"::text IN (${Prisma.join(f.outcomes.flatMap((o) => OUTCOME_STATES[o]))})`,
    );
  if (f.from) parts.push(Prisma.sql`j."sortAt" >= ${ts(f.from)}`);
  if (f.to) parts.push(Prisma.sql`j."sortAt" < ${ts(f.to)}`);
  return Prisma.join(parts, " AND ");
}

/** One row per matching run: outcome, group, period keys, measured RTO and its target. */
function runsCte(f: HistoryFilters): Prisma.Sql {
  return Prisma.sql`
    base AS (
      SELECT j."id", j."sourceId", j."kind"::text AS kind, j."state"::text AS state, j."startedAt", j."endedAt", j."sortAt",
        ${OUTCOME_SQL} AS outcome, ${CATEGORY_SQL} AS category,
        coalesce(CASE WHEN jsonb_typeof(s."options" -> 'rtoPhase') = 'string' THEN nullif(btrim(s."options" ->> 'rtoPhase', ${WS}), '') END, ${DEFAULT_PHASE_SQL}) AS phase,
        (SELECT array_agg(u.name ORDER BY u.first) FROM (
           SELECT btrim(x.name, ${WS}) AS name, min(x.ord) AS first
           FROM unnest(string_to_array(coalesce(j."drGroup", '') || ',' || coalesce(j."policy", ''), ',')) WITH ORDINALITY AS x(name, ord)
           WHERE btrim(x.name, ${WS}) <> '' GROUP BY btrim(x.name, ${WS})) u) AS groups
      FROM "Job" j JOIN "Source" s ON s."id" = j."sourceId"
      WHERE ${filterSql(f)}
    ),
    runs AS (
      SELECT b.*, b.groups[1] AS grp,
        to_char(coalesce(b."startedAt", b."sortAt"), 'YYYY-MM') AS month,
        to_char(coalesce(b."startedAt", b."sortAt"), 'YYYY-"Q"Q') AS quarter,
        CASE WHEN b.category IN ('readiness', 'mirror') OR b."startedAt" IS NULL THEN NULL
          WHEN b.phase IS NULL THEN CASE WHEN b.state IN ('succeeded', 'partial') AND b."endedAt" IS NOT NULL THEN ${ms(Prisma.sql`b."endedAt"`, Prisma.sql`b."startedAt"`)} END
          ELSE (SELECT CASE WHEN count(*) > 0 AND bool_and(p."state" IN ('succeeded', 'partial') AND p."endedAt" IS NOT NULL)
                  THEN ${ms(Prisma.sql`max(p."endedAt")`, Prisma.sql`b."startedAt"`)} END
                FROM "Phase" p WHERE p."jobId" = b."id" AND lower(btrim(p."name", ${WS})) = lower(b.phase))
        END AS rto,
        CASE WHEN b.category IN ('readiness', 'mirror') THEN NULL ELSE (
          SELECT t."targetMs" FROM unnest(b.groups) WITH ORDINALITY AS g(name, ord)
          JOIN "RtoTarget" t ON lower(btrim(t."group", ${WS})) = lower(g.name) AND (t."sourceId" = b."sourceId" OR t."sourceId" IS NULL)
          ORDER BY g.ord, t."sourceId" IS NULL LIMIT 1) END AS target
      FROM base b
    )`;
}

export interface RunStatsRow {
  dim: "all" | "group" | "month" | "quarter";
  key: string | null;
  runs: number;
  finished: number;
  succeeded: number;
  measured: number;
  medianMs: number | null;
  p90Ms: number | null;
  withTarget: number;
  metTarget: number;
  /** The newest run's target, of the runs that have one. */
  targetMs: number | null;
}

/** Counts and RTO statistics overall, per group, per month and per quarter, in one pass. */
export async function historyRunStats(f: HistoryFilters, db: Tx = getDb()): Promise<RunStatsRow[]> {
  return db.$queryRaw<RunStatsRow[]>`
    WITH ${runsCte(f)}
    SELECT CASE WHEN GROUPING(grp) = 0 THEN 'group' WHEN GROUPING(month) = 0 THEN 'month' WHEN GROUPING(quarter) = 0 THEN 'quarter' ELSE 'all' END AS dim,
      coalesce(grp, month, quarter) AS key,
      count(*)::int AS runs,
      (count(*) FILTER (WHERE outcome <> 'running'))::int AS finished,
      (count(*) FILTER (WHERE outcome = 'succeeded'))::int AS succeeded,
      count(rto)::int AS measured,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY rto) AS "medianMs",
      percentile_disc(0.9) WITHIN GROUP (ORDER BY rto) AS "p90Ms",
      (count(*) FILTER (WHERE rto IS NOT NULL AND target IS NOT NULL))::int AS "withTarget",
      (count(*) FILTER (WHERE rto IS NOT NULL AND target IS NOT NULL AND rto <= target))::int AS "metTarget",
      (array_agg(target ORDER BY "sortAt" DESC, "id" DESC) FILTER (WHERE target IS NOT NULL))[1] AS "targetMs"
    FROM runs
    GROUP BY GROUPING SETS ((), (grp), (month), (quarter))`;
}

/** Runs per group (for "DR tests this quarter"). */
export async function historyRunsPerGroup(
  f: HistoryFilters,
  db: Tx = getDb(),
): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<Array<{ grp: string; runs: number }>>`
    WITH ${runsCte(f)}
    SELECT grp, count(*)::int AS runs FROM runs WHERE grp IS NOT NULL GROUP BY grp`;
  return new Map(rows.map((r) => [r.grp, r.runs]));
}

export interface PhaseStatsRow {
  kind: SourceKind;
  name: string;
  runs: number;
  medianMs: number;
  maxMs: number;
}

/** Top-level phases of finished runs: per vendor and phase name, how long they take (a run's longest lane). */
export async function historyPhaseStats(
  f: HistoryFilters,
  db: Tx = getDb(),
): Promise<PhaseStatsRow[]> {
  return db.$queryRaw<PhaseStatsRow[]>`
    WITH ${runsCte(f)},
    per_run AS (
      SELECT r.kind, p."name", max(${ms(Prisma.sql`p."endedAt"`, Prisma.sql`p."startedAt"`)}) AS ms
      FROM runs r JOIN "Phase" p ON p."jobId" = r."id"
      WHERE r.outcome <> 'running' AND p."depth" = 0 AND p."startedAt" IS NOT NULL AND p."endedAt" IS NOT NULL
      GROUP BY r."id", r.kind, p."name"
    )
    SELECT kind, "name", count(*)::int AS runs, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS "medianMs", max(ms) AS "maxMs"
    FROM per_run GROUP BY kind, "name"`;
}
