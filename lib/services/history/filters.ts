import type { z } from "zod";
import { DEFAULT_CATEGORIES, type historyFilterQuery } from "@/lib/contracts/history";
import { HISTORY_WINDOW, resolveWindow, type ListWindow } from "@/lib/contracts/time-window";
import type { HistoryFilters } from "@/lib/data/history";

/** The window /api/history/* read when asked `q` at `now` (HISTORY_WINDOW's default when no `from`). */
export function historyWindow(q: { from?: Date; to?: Date }, now: Date = new Date()): ListWindow {
  return resolveWindow(q, HISTORY_WINDOW, now).window;
}

/**
 * The /history filters as the data layer reads them: no category chosen means the default ones,
 * no `from` means HISTORY_WINDOW's default window before `now`.
 */
export function toHistoryFilters(
  q: z.infer<typeof historyFilterQuery>,
  now: Date = new Date(),
): HistoryFilters {
  const { from, to } = resolveWindow(q, HISTORY_WINDOW, now);
  return {
    kinds: q.kind,
    categories: q.category?.length ? q.category : DEFAULT_CATEGORIES,
    groups: q.group,
    outcomes: q.outcome,
    from,
    to,
  };
}
