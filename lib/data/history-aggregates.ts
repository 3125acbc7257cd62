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

/** Readiness checks and mirror updates are runs without an RTO or a target. */
const UNMEASURED_SQL = runTypesSql([...CATEGORY_TYPES.readiness, ...CATEGORY_TYPES.mirror]);

const FINISHED_SQL = Prisma.sql`state::text IN (${Prisma.join([...OUTCOME_STATES.succeeded, ...OUTCOME_STATES.partial, ...OUTCOME_STATES.failed])})`;

const DEFAULT_PHASE_SQL = Prisma.sql`CASE s."kind"::text ${Prisma.join(
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
 * One row per matching run: state, group, month, quarter, measured RTO and its target. A run's
 * groups, target and RTO phase depend only on its source and its drGroup/policy text, so they are
 * worked out once per distinct (source, drGroup, policy) (dozens; the Job_history_keys statistics
 * tell the planner so, which makes the join to the runs a hash join) and joined back, not once per
 * run (tens of thousands).
 */
function runsCte(f: HistoryFilters): Prisma.Sql {
  return Prisma.sql`
    keyed AS MATERIALIZED (
      SELECT k."sourceId", k.dg, k.pol, l.groups[1] AS grp, (
          SELECT t."targetMs" FROM unnest(l.groups) WITH ORDINALITY AS g(name, ord)
          JOIN "RtoTarget" t ON lower(btrim(t."group", ${WS})) = lower(g.name) AND (t."sourceId" = k."sourceId" OR t."sourceId" IS NULL)
          ORDER BY g.ord, t."sourceId" IS NULL LIMIT 1) AS target,
        coalesce(CASE WHEN jsonb_typeof(s."options" -> 'rtoPhase') = 'string' THEN nullif(btrim(s."options" ->> 'rtoPhase', ${WS}), '') END, ${DEFAULT_PHASE_SQL}) AS phase
      FROM (SELECT DISTINCT j."sourceId", coalesce(j."drGroup", '') AS dg, coalesce(j."policy", '') AS pol FROM "Job" j WHERE ${filterSql(f)}) k
      JOIN "Source" s ON s."id" = k."sourceId"
      CROSS JOIN LATERAL (SELECT array_agg(u.name ORDER BY u.first) AS groups FROM (
           SELECT btrim(x.name, ${WS}) AS name, min(x.ord) AS first
           FROM unnest(string_to_array(k.dg || ',' || k.pol, ',')) WITH ORDINALITY AS x(name, ord)
           WHERE btrim(x.name, ${WS}) <> '' GROUP BY btrim(x.name, ${WS})) u) l
    ),
    runs AS (
      SELECT j."id", j."sortAt", j."state", k.grp,
        date_trunc('month', coalesce(j."startedAt", j."sortAt")) AS month,
        date_trunc('quarter', coalesce(j."startedAt", j."sortAt")) AS quarter,
        CASE WHEN m.unmeasured OR j."startedAt" IS NULL THEN NULL
          WHEN k.phase IS NULL THEN CASE WHEN j."state" IN ('succeeded', 'partial') AND j."endedAt" IS NOT NULL THEN ${ms(Prisma.sql`j."endedAt"`, Prisma.sql`j."startedAt"`)} END
          ELSE (SELECT CASE WHEN count(*) > 0 AND bool_and(p."state" IN ('succeeded', 'partial') AND p."endedAt" IS NOT NULL)
                  THEN ${ms(Prisma.sql`max(p."endedAt")`, Prisma.sql`j."startedAt"`)} END
                FROM "Phase" p WHERE p."jobId" = j."id" AND lower(btrim(p."name", ${WS})) = lower(k.phase))
        END AS rto,
        CASE WHEN m.unmeasured THEN NULL ELSE k.target END AS target
      FROM "Job" j
      CROSS JOIN LATERAL (SELECT ${UNMEASURED_SQL} AS unmeasured) m
      JOIN keyed k ON k."sourceId" = j."sourceId" AND k.dg = coalesce(j."drGroup", '') AND k.pol = coalesce(j."policy", '')
      WHERE ${filterSql(f)}
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
  /** The newest run's target, of the runs that have one (overall and per group). */
  targetMs: number | null;
}

const STATS_SQL = Prisma.sql`count(*)::int AS runs,
      (count(*) FILTER (WHERE ${FINISHED_SQL}))::int AS finished,
      (count(*) FILTER (WHERE state = 'succeeded'))::int AS succeeded,
      count(rto)::int AS measured,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY rto) AS "medianMs",
      percentile_disc(0.9) WITHIN GROUP (ORDER BY rto) AS "p90Ms",
      (count(*) FILTER (WHERE rto IS NOT NULL AND target IS NOT NULL))::int AS "withTarget",
      (count(*) FILTER (WHERE rto IS NOT NULL AND target IS NOT NULL AND rto <= target))::int AS "metTarget"`;

/**
 * Counts and RTO statistics overall, per group, per month and per quarter. Two queries at once,
 * one per pair of groupings, because each grouping sorts every run and the two halves use both
 * cores; a quarter's rows follow its months' in one sort.
 */
export async function historyRunStats(f: HistoryFilters, db: Tx = getDb()): Promise<RunStatsRow[]> {
  const [overall, periods] = await Promise.all([
    db.$queryRaw<RunStatsRow[]>`
      WITH ${runsCte(f)}
      SELECT CASE WHEN GROUPING(grp) = 0 THEN 'group' ELSE 'all' END AS dim, grp AS key, ${STATS_SQL},
        (array_agg(target ORDER BY "sortAt" DESC, "id" DESC) FILTER (WHERE target IS NOT NULL))[1] AS "targetMs"
      FROM runs
      GROUP BY GROUPING SETS ((), (grp))`,
    db.$queryRaw<RunStatsRow[]>`
      WITH ${runsCte(f)}
      SELECT CASE WHEN GROUPING(month) = 0 THEN 'month' ELSE 'quarter' END AS dim,
        CASE WHEN GROUPING(month) = 0 THEN to_char(month, 'YYYY-MM') ELSE to_char(quarter, 'YYYY-"Q"Q') END AS key,
        ${STATS_SQL}, NULL::float8 AS "targetMs"
      FROM runs
      GROUP BY GROUPING SETS ((quarter, month), (quarter))`,
  ]);
  return [...overall, ...periods];
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
