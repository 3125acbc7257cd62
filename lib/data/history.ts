import { Prisma } from "@/lib/generated/prisma/client";
import { runTypesSql } from "./history-aggregates";
import { ts } from "./sql-time";
import { getDb, type Tx } from "@/lib/db/client";
import {
  CATEGORY_TYPES,
  OUTCOME_STATES,
  RUN_CATEGORIES,
  type Outcome,
  type RunCategory,
} from "@/lib/domain/rto";
import type { SourceKind } from "@/lib/domain/source-kind";
import type { JobCursor } from "./job-cursor";
import { newestFirstAfter, splitPage } from "./keyset";

export interface HistoryFilters {
  kinds?: SourceKind[];
  categories?: RunCategory[];
  /** DR group, zone or policy names (matched inside the job's group and policy lists). */
  groups?: string[];
  outcomes?: Outcome[];
  from?: Date;
  to?: Date;
}

const rowSelect = {
  id: true,
  sourceId: true,
  kind: true,
  vendorId: true,
  type: true,
  name: true,
  state: true,
  vendorState: true,
  startedAt: true,
  endedAt: true,
  sortAt: true,
  submittedBy: true,
  drGroup: true,
  policy: true,
  message: true,
  raw: true,
  source: { select: { name: true, options: true } },
  phases: {
    select: {
      vendorKey: true,
      parentKey: true,
      lane: true,
      name: true,
      depth: true,
      sortOrder: true,
      state: true,
      startedAt: true,
      endedAt: true,
    },
    orderBy: [{ depth: "asc" }, { sortOrder: "asc" }],
  },
} satisfies Prisma.JobSelect;

export type HistoryJobRow = Prisma.JobGetPayload<{ select: typeof rowSelect }>;

export function historyWhere(f: HistoryFilters): Prisma.JobWhereInput {
  const categories = f.categories?.length ? f.categories : RUN_CATEGORIES;
  const types = categories
    .flatMap((c) => CATEGORY_TYPES[c])
    .filter((t) => !f.kinds?.length || f.kinds.includes(t.kind));
  const groups = f.groups ?? [];
  return {
    AND: [
      {
        OR: types.length
          ? types.map((t) => ({ kind: t.kind, type: t.type }))
          : [{ id: { in: [] } }],
      },
      groups.length
        ? {
            OR: groups.flatMap((g) => [
              { drGroup: { contains: g, mode: "insensitive" as const } },
              { policy: { contains: g, mode: "insensitive" as const } },
            ]),
          }
        : {},
      f.outcomes?.length ? { state: { in: f.outcomes.flatMap((o) => OUTCOME_STATES[o]) } } : {},
      f.from || f.to
        ? { sortAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } }
        : {},
    ],
  };
}

/** Newest first, keyset on (sortAt, id) like the jobs list. */
export async function listHistoryRows(
  f: HistoryFilters,
  page: { cursor: JobCursor | null; limit: number },
  db: Tx = getDb(),
) {
  const rows = await db.job.findMany({
    where: { AND: [historyWhere(f), newestFirstAfter("sortAt", page.cursor ?? null)] },
    orderBy: [{ sortAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    select: rowSelect,
  });
  const { page: items, nextFrom } = splitPage(rows, page.limit);
  return { rows: items, next: nextFrom ? { sortAt: nextFrom.sortAt, id: nextFrom.id } : null };
}

/** Every matching run up to `max` (summary and CSV); the caller says when the cap was reached. */
export async function allHistoryRows(
  f: HistoryFilters,
  max: number,
  db: Tx = getDb(),
): Promise<HistoryJobRow[]> {
  return db.job.findMany({
    where: historyWhere(f),
    orderBy: [{ sortAt: "desc" }, { id: "desc" }],
    take: max,
    select: rowSelect,
  });
}

/** One run by job id; null for jobs that are not failovers, tests, readiness runs, mirrors or restores. */
export async function getHistoryRow(id: string, db: Tx = getDb()): Promise<HistoryJobRow | null> {
  return db.job.findFirst({ where: { AND: [{ id }, historyWhere({})] }, select: rowSelect });
}

/** Group and zone names of the DR runs since `since` (all stored when absent): the groups that ought to be tested. */
export async function knownDrGroups(
  kinds: readonly SourceKind[] | undefined,
  db: Tx = getDb(),
  since?: Date,
): Promise<string[]> {
  const dr = (["test", "planned", "unplanned", "failover", "failback"] as const)
    .flatMap((c) => CATEGORY_TYPES[c])
    .filter((t) => !kinds?.length || kinds.includes(t.kind));
  // Prisma's `distinct` dedupes in memory after reading every run; DISTINCT in SQL reads the
  // runs' covering index (Job_history_runs_idx) and returns only the names.
  const rows = await db.$queryRaw<Array<{ drGroup: string }>>`
    SELECT DISTINCT j."drGroup" FROM "Job" j
    WHERE ${runTypesSql(dr)} AND j."drGroup" IS NOT NULL${since ? Prisma.sql` AND j."sortAt" >= ${ts(since)}` : Prisma.empty}`;
  return rows.map((r) => r.drGroup);
}

/**
 * For each (run, cut-over) the end of the last successful replication or mirror job on the same
 * source before the cut-over: one query for a whole page or export. Each run walks its source's
 * jobs newest-started first on the (sourceId, sortAt) index and stops after RPO_CANDIDATES matches
 * (or 400 days back): a max over every replication of the source's history cost a scan per run and
 * timed out a 500-run export page on a year-old estate.
 */
// The latest-ending replication is among the latest-started ones unless dozens overlap it.
const RPO_CANDIDATES = 20;

export async function lastReplicationBefore(
  items: ReadonlyArray<{ id: string; sourceId: string; before: Date }>,
  db: Tx = getDb(),
): Promise<Map<string, Date>> {
  if (items.length === 0) return new Map();
  const ids = items.map((i) => i.id);
  const sources = items.map((i) => i.sourceId);
  // Prisma stores UTC in timestamp-without-zone columns; an ISO literal's zone is ignored on cast.
  const befores = items.map((i) => i.before.toISOString());
  const rows = await db.$queryRaw<Array<{ id: string; last: Date | null }>>`
    SELECT r.id, (
      SELECT max(x."endedAt") FROM (
        SELECT j."endedAt" FROM "Job" j
        WHERE j."sourceId" = r.sid AND j."sortAt" <= r.before::timestamp AND j."sortAt" >= r.before::timestamp - interval '400 days'
          AND j.type IN ('replication', 'mirror') AND j.state = 'succeeded'
          AND j."endedAt" <= r.before::timestamp AND j.id::text <> r.id
        ORDER BY j."sortAt" DESC
        LIMIT ${RPO_CANDIDATES}::int
      ) x
    ) AS last
    FROM unnest(${ids}::text[], ${sources}::uuid[], ${befores}::text[]) AS r(id, sid, before)`;
  return new Map(rows.flatMap((r) => (r.last ? [[r.id, r.last] as const] : [])));
}

export async function listSignOffs(jobId: string, db: Tx = getDb()) {
  return db.historySignOff.findMany({ where: { jobId }, orderBy: { createdAt: "asc" } });
}

export async function addSignOff(
  input: {
    jobId: string;
    userId: string | null;
    authorId: string | null;
    authorEmail: string | null;
    author: string;
    note: string;
  },
  db: Tx = getDb(),
) {
  return db.historySignOff.create({ data: input });
}

/** The last readiness run on a source (covering `group` when given) that finished before `before`. */
export async function lastReadinessBefore(
  sourceId: string,
  group: string | null,
  before: Date,
  db: Tx = getDb(),
) {
  return db.job.findFirst({
    where: {
      sourceId,
      kind: "eyeglass",
      type: "readiness",
      endedAt: { lte: before },
      ...(group ? { drGroup: { contains: group, mode: "insensitive" as const } } : {}),
    },
    orderBy: { endedAt: "desc" },
    select: {
      id: true,
      name: true,
      state: true,
      endedAt: true,
      drGroup: true,
      events: {
        where: { severity: { in: ["warning", "error"] } },
        orderBy: { at: "asc" },
        take: 100,
      },
    },
  });
}

/** Warnings and errors of a run, and its audit trail with each stage. */
export async function getRunEvidence(jobId: string, db: Tx = getDb()) {
  return db.job.findUnique({
    where: { id: jobId },
    select: {
      events: { orderBy: { at: "asc" }, take: 1000 },
      actions: { orderBy: { requestedAt: "asc" }, include: { audit: { orderBy: { at: "asc" } } } },
    },
  });
}
