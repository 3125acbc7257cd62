import { z } from "zod";
import { isoDateParam, queryList } from "@/lib/api/query-params";
import { JOB_STATES } from "@/lib/domain/job-state";
import { SOURCE_KINDS } from "@/lib/domain/source-kind";
import { TIMELINE_GROUPS } from "./explorer-types";

const MAX_WINDOW_MS = 400 * 24 * 3600_000;

export const timelineQuery = z
  .object({
    from: isoDateParam,
    to: isoDateParam,
    group: z.enum(TIMELINE_GROUPS).default("source"),
    source: queryList(z.string().uuid("must be a source id")).optional(),
    kind: queryList(z.enum(SOURCE_KINDS)).optional(),
    state: queryList(z.enum(JOB_STATES)).optional(),
    buckets: z.coerce.number().int().min(10).max(1000).default(200),
  })
  .strict()
  .refine((q) => q.from < q.to, { message: "must be after from", path: ["to"] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= MAX_WINDOW_MS, { message: "window is longer than 400 days", path: ["to"] });

export const scheduledQuery = z
  .object({
    from: isoDateParam.optional(),
    to: isoDateParam.optional(),
    limit: z.coerce.number().int().min(1).max(2000).default(500),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "must be after from", path: ["to"] })
  .refine((q) => !q.from || !q.to || q.to.getTime() - q.from.getTime() <= MAX_WINDOW_MS, { message: "window is longer than 400 days", path: ["to"] });

export const savedViewBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    query: z.string().max(4000).refine((q) => !q.startsWith("?") && !/[\r\n]/.test(q), "must be a query string without the leading ?"),
  })
  .strict();
