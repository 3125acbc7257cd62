import type { z } from "zod";
import { DEFAULT_CATEGORIES, type historyFilterQuery } from "@/lib/contracts/history";
import type { HistoryFilters } from "@/lib/data/history";

/** The /history filters as the data layer reads them: no category chosen means the default ones. */
export function toHistoryFilters(q: z.infer<typeof historyFilterQuery>): HistoryFilters {
  return {
    kinds: q.kind,
    categories: q.category?.length ? q.category : DEFAULT_CATEGORIES,
    groups: q.group,
    outcomes: q.outcome,
    from: q.from,
    to: q.to,
  };
}
