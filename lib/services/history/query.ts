import { z } from "zod";
import { isoDateParam, queryList } from "@/lib/api/query-params";
import { checkWindow, HISTORY_WINDOW, resolveWindow, type ListWindow } from "@/lib/api/time-window";
import type { HistoryFilters } from "@/lib/data/history";
import { RUN_CATEGORIES, type RunCategory } from "@/lib/domain/rto";

export const HISTORY_KINDS = ["eyeglass", "commvault", "dfm"] as const;
export const HISTORY_OUTCOMES = ["succeeded", "partial", "failed", "running"] as const;

/** Readiness checks and mirror transfers are many and restore nothing: opt-in, not the default. */
export const DEFAULT_CATEGORIES: RunCategory[] = ["test", "planned", "unplanned", "failover", "failback", "restore"];

/** The filters of /history, shared by its page (URL) and /api/history/* (query string). */
export const historyFilterQuery = z.object({
  kind: queryList(z.enum(HISTORY_KINDS)).optional(),
  category: queryList(z.enum(RUN_CATEGORIES)).optional(),
  group: queryList(z.string().min(1).max(200)).optional(),
  outcome: queryList(z.enum(HISTORY_OUTCOMES)).optional(),
  from: isoDateParam.optional(),
  to: isoDateParam.optional(),
});

const checkRange = (q: { from?: Date; to?: Date }) => !q.from || !q.to || q.from < q.to;
const rangeIssue = { message: "must be after from", path: ["to"] };

export const historyListQuery = historyFilterQuery
  .extend({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) })
  .strict()
  .refine(checkRange, rangeIssue)
  .superRefine(checkWindow(HISTORY_WINDOW));

export const historySummaryQuery = historyFilterQuery.strict().refine(checkRange, rangeIssue).superRefine(checkWindow(HISTORY_WINDOW));

/** The window /api/history/* read when asked `q` at `now` (HISTORY_WINDOW's default when no `from`). */
export function historyWindow(q: { from?: Date; to?: Date }, now: Date = new Date()): ListWindow {
  return resolveWindow(q, HISTORY_WINDOW, now).window;
}

/** The parsed query as data-layer filters, bounded in time (HISTORY_WINDOW). */
export function toHistoryFilters(q: z.infer<typeof historyFilterQuery>, now: Date = new Date()): HistoryFilters {
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
