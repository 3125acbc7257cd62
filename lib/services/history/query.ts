import { z } from "zod";
import type { HistoryFilters } from "@/lib/data/history";
import { RUN_CATEGORIES, type RunCategory } from "@/lib/domain/rto";

/** A query value that may repeat (?kind=a&kind=b) or be comma-separated (?kind=a,b). */
const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO-8601 date or date-time")
  .transform((s) => new Date(s));

export const HISTORY_KINDS = ["eyeglass", "commvault", "dfm"] as const;
export const HISTORY_OUTCOMES = ["succeeded", "partial", "failed", "running"] as const;

/** Readiness checks and mirror transfers are many and restore nothing: opt-in, not the default. */
export const DEFAULT_CATEGORIES: RunCategory[] = ["test", "planned", "unplanned", "failover", "failback", "restore"];

/** The filters of /history, shared by its page (URL) and /api/history/* (query string). */
export const historyFilterQuery = z.object({
  kind: list(z.enum(HISTORY_KINDS)).optional(),
  category: list(z.enum(RUN_CATEGORIES)).optional(),
  group: list(z.string().min(1).max(200)).optional(),
  outcome: list(z.enum(HISTORY_OUTCOMES)).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const checkRange = (q: { from?: Date; to?: Date }) => !q.from || !q.to || q.from < q.to;
const rangeIssue = { message: "must be after from", path: ["to"] };

export const historyListQuery = historyFilterQuery
  .extend({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) })
  .strict()
  .refine(checkRange, rangeIssue);

export const historySummaryQuery = historyFilterQuery.strict().refine(checkRange, rangeIssue);

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
