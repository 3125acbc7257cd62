import type { JobListQuery } from "@/lib/contracts/jobs";
import { decodeJobCursor } from "@/lib/data/job-cursor";
import { decodeSortedJobCursor, isDefaultSort, type JobSort } from "@/lib/data/job-sort";
import type { JobFilters } from "@/lib/data/jobs";
import { Invalid } from "@/lib/domain/errors";

/** The parsed /api/jobs query as data-layer filters; a cursor that belongs to another sort is a 400. */
export function jobFiltersFromQuery(query: JobListQuery): JobFilters {
  const sort: JobSort = { key: query.sort, order: query.order };
  const plain = isDefaultSort(sort);
  const cursor = query.cursor && plain ? decodeJobCursor(query.cursor) : null;
  const sortCursor = query.cursor && !plain ? decodeSortedJobCursor(query.cursor, sort) : null;
  if (query.cursor && !cursor && !sortCursor) {
    throw new Invalid("Invalid cursor.", [{ parameter: "cursor", message: "not a cursor from this API for this sort" }]);
  }
  return {
    sourceIds: query.source,
    kinds: query.kind,
    states: query.state,
    types: query.type,
    text: query.q,
    from: query.from,
    to: query.to,
    includeGone: query.gone === "include",
    cursor,
    sortCursor,
    sort,
    limit: query.limit,
  };
}
