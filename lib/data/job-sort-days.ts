import { Prisma } from "@/lib/generated/prisma/client";
import { JOBS_WINDOW } from "@/lib/contracts/time-window";
import type { Tx } from "@/lib/db/client";
import type { DayWalk } from "./job-sort";
import { ts } from "./sql-time";

/** Each column has a (date_trunc('day', "sortAt"), column, id) index (migration job_day_sort_indexes). */
const COLUMN: Record<DayWalk["field"], Prisma.Sql> = {
  endedAt: Prisma.raw('j."endedAt"'),
  progress: Prisma.raw("j.progress"),
  bytesDone: Prisma.raw('j."bytesDone"'),
};

/** Past this many days from the window's start, the rest of the window is read as one range. */
const MAX_WALKED_DAYS = JOBS_WINDOW.maxDays + 1;
const DAY_MS = 86_400_000;

export interface DayWalkWindow {
  from: Date;
  /** Absent: open, up to now and on. */
  to?: Date;
  excludeGone: boolean;
}

/**
 * The ids of a sorted page of a time window with no other filter, in the walk's order. A window's
 * jobs in value order are a time range no single index holds in that order, and when the value
 * follows age (the largest backups the oldest) the value's own index reaches the window's first
 * entry only after most of the table. Each day of the window, though, is one range of its day index
 * already in value order: the page reads at most `take` entries per day, index-only, and sorts
 * those (30 days, 50 rows: about 1,500 entries, where the window holds tens of thousands).
 */
export async function sortedIdsByDay(
  walk: DayWalk,
  window: DayWalkWindow,
  take: number,
  db: Tx,
): Promise<string[]> {
  const value = COLUMN[walk.field];
  const dir = Prisma.raw(walk.order === "desc" ? "DESC" : "ASC");
  const beyond = Prisma.raw(walk.order === "desc" ? "<" : ">");
  const conditions = Prisma.join(
    [
      Prisma.sql`${value} IS NOT NULL`,
      Prisma.sql`j."sortAt" >= ${ts(window.from)}`,
      ...(window.to ? [Prisma.sql`j."sortAt" < ${ts(window.to)}`] : []),
      ...(window.excludeGone ? [Prisma.sql`j."goneAt" IS NULL`] : []),
      ...(walk.after
        ? [
            Prisma.sql`(${value}, j.id) ${beyond} (${literal(walk.after.value)}, ${walk.after.id}::uuid)`,
          ]
        : []),
    ],
    " AND ",
  );
  const order = Prisma.sql`ORDER BY v ${dir}, id ${dir} LIMIT ${take}::int`;
  const firstDay = utcDay(window.from);
  const lastDay = utcDay(
    new Date(
      Math.min(window.to?.getTime() ?? Date.now(), firstDay.getTime() + MAX_WALKED_DAYS * DAY_MS),
    ),
  );
  const afterWalk = new Date(lastDay.getTime() + DAY_MS);
  // An open window holds what a vendor dated ahead of our clock (or far ahead: a wrong clock); the
  // days past the walked ones are one range of the sortAt index, sorted (OFFSET 0 keeps PostgreSQL
  // from walking the value's index instead, through every job, to find the few there are).
  const rest =
    !window.to || window.to > afterWalk
      ? Prisma.sql`UNION ALL (
          SELECT id, v FROM (
            SELECT j.id, ${value} AS v FROM "Job" j
            WHERE j."sortAt" >= ${ts(afterWalk)} AND ${conditions} OFFSET 0
          ) later
          ${order})`
      : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT page.id::text AS id FROM (
      SELECT t.id, t.v FROM generate_series(${ts(firstDay)}, ${ts(lastDay)}, interval '1 day') AS d(day)
      CROSS JOIN LATERAL (
        SELECT j.id, ${value} AS v FROM "Job" j
        WHERE date_trunc('day', j."sortAt") = d.day AND ${conditions}
        ${order}
      ) t
      ${rest}
    ) page
    ORDER BY page.v ${dir}, page.id ${dir} LIMIT ${take}::int`;
  return rows.map((r) => r.id);
}

function utcDay(d: Date): Date {
  return new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
}

function literal(v: Date | number | bigint): Prisma.Sql {
  if (v instanceof Date) return ts(v);
  if (typeof v === "bigint") return Prisma.sql`${v.toString()}::bigint`;
  return Prisma.sql`${v}::float8`;
}
