import { listHistoryRows, type HistoryFilters, type HistoryJobRow } from "@/lib/data/history";
import { getDb, type Tx } from "@/lib/db/client";
import { CATEGORY_TYPES } from "@/lib/domain/rto";

/** Rows per read while walking a period: bounded memory per query, every run in the end. */
const PAGE = 500;
/** Log line references kept per step: enough to find the lines at the vendor. */
const LOG_REFS_PER_STEP = 4;

/** Every run the filters match, oldest first, read page by page (keyset): never a capped sample. */
export async function allPeriodRows(f: HistoryFilters, db: Tx = getDb()): Promise<HistoryJobRow[]> {
  const rows: HistoryJobRow[] = [];
  let cursor = null;
  for (;;) {
    const page = await listHistoryRows(f, { cursor, limit: PAGE }, db);
    rows.push(...page.rows);
    if (!page.next) break;
    cursor = page.next;
  }
  return rows.reverse();
}

/** Audit trail, warnings and errors, run sign-offs and log-line references of many runs in four reads. */
export async function runDetails(jobIds: readonly string[], db: Tx = getDb()) {
  const ids = [...jobIds];
  const [actions, events, signOffs, logRefs] = await Promise.all([
    db.action.findMany({
      where: { OR: [{ jobId: { in: ids } }, { launchedJobId: { in: ids } }] },
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
      include: { audit: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
    }),
    db.jobEvent.findMany({
      where: { jobId: { in: ids }, severity: { in: ["warning", "error"] } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { jobId: true, vendorKey: true, at: true, severity: true, type: true, message: true },
    }),
    db.historySignOff.findMany({
      where: { jobId: { in: ids } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    ids.length
      ? db.$queryRaw<Array<{ jobId: string; vendorKey: string; seqs: number[] }>>`
          SELECT p."jobId"::text AS "jobId", p."vendorKey", x.seqs
          FROM "Phase" p
          CROSS JOIN LATERAL (
            SELECT array_agg(l.seq ORDER BY l.seq) AS seqs FROM (
              SELECT l.seq FROM "JobLogLine" l
              WHERE l."jobId" = p."jobId" AND strpos(lower(l.text), lower(p.name)) > 0
              ORDER BY l.seq LIMIT ${LOG_REFS_PER_STEP}::int
            ) l
          ) x
          WHERE p."jobId" = ANY(${ids}::uuid[]) AND x.seqs IS NOT NULL`
      : [],
  ]);
  const group = <T extends { jobId: string | null }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) if (r.jobId) m.set(r.jobId, [...(m.get(r.jobId) ?? []), r]);
    return m;
  };
  const logs = new Map<string, Map<string, number[]>>();
  for (const r of logRefs) {
    const m = logs.get(r.jobId) ?? new Map<string, number[]>();
    m.set(r.vendorKey, r.seqs.map(Number));
    logs.set(r.jobId, m);
  }
  return {
    // A launch has no job of its own: it belongs to the run it started.
    actions: group(actions.map((a) => ({ ...a, jobId: a.jobId ?? a.launchedJobId }))),
    events: group(events),
    signOffs: group(signOffs),
    logs,
  };
}

/** DR group names seen on a DR run that started before `before`: the groups that ought to be tested. */
export async function drGroupsBefore(before: Date, db: Tx = getDb()): Promise<string[]> {
  const dr = (["test", "planned", "unplanned", "failover", "failback"] as const).flatMap(
    (c) => CATEGORY_TYPES[c],
  );
  const rows = await db.job.findMany({
    where: {
      OR: dr.map((t) => ({ kind: t.kind, type: t.type })),
      drGroup: { not: null },
      sortAt: { lt: before },
    },
    distinct: ["drGroup"],
    select: { drGroup: true },
  });
  return rows.flatMap((r) => (r.drGroup ? [r.drGroup] : []));
}
