import type { JobListQuery } from "@/lib/contracts/jobs";
import { JOBS_WINDOW, resolveWindow, type ListWindow } from "@/lib/contracts/time-window";
import { decodeJobCursor } from "@/lib/data/job-cursor";
import { decodeSortedJobCursor, isDefaultSort, type JobSort } from "@/lib/data/job-sort";
import type { JobFilters } from "@/lib/data/jobs";
import { Invalid } from "@/lib/domain/errors";

/** The window /api/jobs reads when asked `query` at `now` (JOBS_WINDOW's default when no `from`). */
export function jobsWindow(
  query: Pick<JobListQuery, "from" | "to">,
  now: Date = new Date(),
): ListWindow {
  return resolveWindow(query, JOBS_WINDOW, now).window;
}

/** The parsed /api/jobs query as data-layer filters, bounded in time; a cursor that belongs to another sort is a 400. */
export function jobFiltersFromQuery(query: JobListQuery, now: Date = new Date()): JobFilters {
  const { from, to } = resolveWindow(query, JOBS_WINDOW, now);
  const sort: JobSort = { key: query.sort, order: query.order };
  const plain = isDefaultSort(sort);
  const cursor = query.cursor && plain ? decodeJobCursor(query.cursor) : null;
  const sortCursor = query.cursor && !plain ? decodeSortedJobCursor(query.cursor, sort) : null;
  if (query.cursor && !cursor && !sortCursor) {
    throw new Invalid("Invalid cursor.", [
      { parameter: "cursor", message: "not a cursor from this API for this sort" },
    ]);
  }
  return {
    sourceIds: query.source,
    kinds: query.kind,
    states: query.state,
    types: query.type,
    text: query.q,
    from,
    to,
    includeGone: query.gone === "include",
    cursor,
    sortCursor,
    sort,
    limit: query.limit,
  };
}
