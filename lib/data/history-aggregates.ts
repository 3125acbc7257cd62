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
import { ts } from "./sql-time";

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

/**
 * Runs of these (kind, type) pairs, written one kind at a time (`kind = … AND type IN (…)`) so that
 * PostgreSQL proves it implies the predicate of Job_history_runs_idx and reads runs from that
 * partial covering index alone (an index-only scan) instead of the heap of every job.
 */
export function runTypesSql(types: ReadonlyArray<{ kind: SourceKind; type: string }>): Prisma.Sql {
  const byKind = new Map<SourceKind, string[]>();
  for (const t of types) byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), t.type]);
  if (byKind.size === 0) return Prisma.sql`false`;
  return Prisma.sql`(${Prisma.join(
    [...byKind].map(
      ([kind, list]) =>
        Prisma.sql`(j."kind" = ${kind}::"SourceKind" AND j."type" IN (${Prisma.join(list)}))`,
    ),
    " OR ",
  )})`;
}

/** Each (kind, type) a category holds, as a relation to join: cheaper per run than a CASE of IN-lists. */
const CATEGORIES_SQL = Prisma.sql`(VALUES ${Prisma.join(
  RUN_CATEGORIES.flatMap((c) =>
    CATEGORY_TYPES[c].map((t) => Prisma.sql`(${t.kind}, ${t.type}, ${c})`),
  ),
)}) AS c(kind, type, category)`;

const DEFAULT_PHASE_SQL = Prisma.sql`CASE b.kind ${Prisma.join(
  Object.entries(DEFAULT_RTO_PHASE).map(([kind, phase]) => Prisma.sql`WHEN ${kind} THEN ${phase}`),
  " ",
)} END`;

const WS = Prisma.sql`E' \\t\\r\\n'`;
const ms = (later: Prisma.Sql, earlier: Prisma.Sql) =>
  Prisma.sql`greatest(0, extract(epoch FROM ${later} - ${earlier}) * 1000)::float8`;

function filterSql(f: HistoryFilters): Prisma.Sql {
  const categories = f.categories?.length ? f.categories : RUN_CATEGORIES;
  const types = categories
    .flatMap((c) => CATEGORY_TYPES[c])
    .filter((t) => !f.kinds?.length || f.kinds.includes(t.kind));
  const parts: Prisma.Sql[] = [runTypesSql(types)];
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

/**
 * One row per matching run: outcome, group, period, measured RTO and its target. A run's groups and
 * target depend only on its source and its drGroup/policy text, so they are worked out once per
 * distinct pair (dozens) and joined back, not once per run (tens of thousands).
 */
function runsCte(f: HistoryFilters): Prisma.Sql {
  return Prisma.sql`
    base AS MATERIALIZED (
      SELECT j."id", j."sourceId", j."kind"::text AS kind, j."state"::text AS state, j."startedAt", j."endedAt", j."sortAt",
        coalesce(j."drGroup", '') || ',' || coalesce(j."policy", '') AS labels,
        ${OUTCOME_SQL} AS outcome, c.category
      FROM "Job" j JOIN ${CATEGORIES_SQL} ON c.kind = j."kind"::text AND c.type = j."type"
      WHERE ${filterSql(f)}
    ),
    labelled AS MATERIALIZED (
      SELECT k.labels, (SELECT array_agg(u.name ORDER BY u.first) FROM (
           SELECT btrim(x.name, ${WS}) AS name, min(x.ord) AS first
           FROM unnest(string_to_array(k.labels, ',')) WITH ORDINALITY AS x(name, ord)
           WHERE btrim(x.name, ${WS}) <> '' GROUP BY btrim(x.name, ${WS})) u) AS groups
      FROM (SELECT DISTINCT labels FROM base) k
    ),
    targeted AS MATERIALIZED (
      SELECT k."sourceId", k.labels, (
          SELECT t."targetMs" FROM unnest(l.groups) WITH ORDINALITY AS g(name, ord)
          JOIN "RtoTarget" t ON lower(btrim(t."group", ${WS})) = lower(g.name) AND (t."sourceId" = k."sourceId" OR t."sourceId" IS NULL)
          ORDER BY g.ord, t."sourceId" IS NULL LIMIT 1) AS target
      FROM (SELECT DISTINCT "sourceId", labels FROM base) k JOIN labelled l ON l.labels = k.labels
    ),
    runs AS (
      SELECT b.*, l.groups, l.groups[1] AS grp,
        date_trunc('month', coalesce(b."startedAt", b."sortAt")) AS month,
        date_trunc('quarter', coalesce(b."startedAt", b."sortAt")) AS quarter,
        CASE WHEN b.category IN ('readiness', 'mirror') OR b."startedAt" IS NULL THEN NULL
          WHEN x.phase IS NULL THEN CASE WHEN b.state IN ('succeeded', 'partial') AND b."endedAt" IS NOT NULL THEN ${ms(Prisma.sql`b."endedAt"`, Prisma.sql`b."startedAt"`)} END
          ELSE (SELECT CASE WHEN count(*) > 0 AND bool_and(p."state" IN ('succeeded', 'partial') AND p."endedAt" IS NOT NULL)
                  THEN ${ms(Prisma.sql`max(p."endedAt")`, Prisma.sql`b."startedAt"`)} END
                FROM "Phase" p WHERE p."jobId" = b."id" AND lower(btrim(p."name", ${WS})) = lower(x.phase))
        END AS rto,
        CASE WHEN b.category IN ('readiness', 'mirror') THEN NULL ELSE t.target END AS target
      FROM base b
      JOIN labelled l ON l.labels = b.labels
      JOIN targeted t ON t."sourceId" = b."sourceId" AND t.labels = b.labels
      JOIN "Source" s ON s."id" = b."sourceId"
      CROSS JOIN LATERAL (SELECT coalesce(CASE WHEN jsonb_typeof(s."options" -> 'rtoPhase') = 'string' THEN nullif(btrim(s."options" ->> 'rtoPhase', ${WS}), '') END, ${DEFAULT_PHASE_SQL}) AS phase) x
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
      coalesce(grp, to_char(month, 'YYYY-MM'), to_char(quarter, 'YYYY-"Q"Q')) AS key,
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
    WITH per_run AS (
      SELECT j."kind"::text AS kind, p."name", max(${ms(Prisma.sql`p."endedAt"`, Prisma.sql`p."startedAt"`)}) AS ms
      FROM "Job" j JOIN "Phase" p ON p."jobId" = j."id"
      WHERE ${filterSql(f)} AND ${OUTCOME_SQL} <> 'running' AND p."depth" = 0 AND p."startedAt" IS NOT NULL AND p."endedAt" IS NOT NULL
      GROUP BY j."id", j."kind", p."name"
    )
    SELECT kind, "name", count(*)::int AS runs, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS "medianMs", max(ms) AS "maxMs"
    FROM per_run GROUP BY kind, "name"`;
}
