import { z } from "zod";
import { isoDateParam, queryList } from "@/lib/api/query-params";
import { checkWindow, JOBS_WINDOW } from "@/lib/api/time-window";
import { JOB_STATES } from "@/lib/domain/job-state";
import { SOURCE_KINDS } from "@/lib/domain/source-kind";

/** Columns /api/jobs sorts on (`sort`), each keyset-paginated; `order` defaults to newest first. */
export const JOB_SORT_KEYS = ["started", "ended", "name", "type", "state", "progress", "bytes"] as const;

export const jobListQuery = z
  .object({
    source: queryList(z.string().uuid("must be a source id")).optional(),
    kind: queryList(z.enum(SOURCE_KINDS)).optional(),
    state: queryList(z.enum(JOB_STATES)).optional(),
    type: queryList(z.string().min(1).max(100)).optional(),
    q: z.string().trim().max(200).optional(),
    from: isoDateParam.optional(),
    to: isoDateParam.optional(),
    gone: z.enum(["include", "exclude"]).default("include"),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    sort: z.enum(JOB_SORT_KEYS).default("started"),
    order: z.enum(["asc", "desc"]).default("desc"),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "must be after from", path: ["to"] })
  .superRefine(checkWindow(JOBS_WINDOW));

export type JobListQuery = z.infer<typeof jobListQuery>;
