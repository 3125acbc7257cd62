import type { JobCursor } from "./job-cursor";

/**
 * Lists fetch one row more than they show: its presence says another page exists, without a COUNT.
 * `nextFrom` is the page's last row when there is a next page, the row the next cursor is made from.
 */
export function splitPage<R>(rows: R[], limit: number): { page: R[]; nextFrom: R | null } {
  const page = rows.slice(0, limit);
  return { page, nextFrom: rows.length > limit ? (page.at(-1) ?? null) : null };
}

type TimeBound = { lt: Date } | { lte: Date } | Date;

/**
 * Rows after a (time, id) cursor in newest-first order. The redundant `lte` bound gives PostgreSQL
 * an index range starting at the cursor; the OR alone is a filter it scans to from the top.
 */
export function newestFirstAfter<F extends string>(
  field: F,
  cursor: JobCursor | null,
): { [K in F]?: TimeBound } & { OR?: Array<{ [K in F]?: TimeBound } & { id?: { lt: string } }> } {
  if (!cursor) return {};
  const at = (bound: TimeBound) => ({ [field]: bound }) as { [K in F]: TimeBound };
  return {
    ...at({ lte: cursor.sortAt }),
    OR: [at({ lt: cursor.sortAt }), { ...at(cursor.sortAt), id: { lt: cursor.id } }],
  };
}
