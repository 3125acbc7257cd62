import { z } from "zod";
import { JOB_STATES } from "@/lib/domain/job-state";
import { SOURCE_KINDS } from "@/lib/domain/source-kind";

/** A query value that may repeat (?state=a&state=b) or be comma-separated (?state=a,b). */
const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO-8601 date-time")
  .transform((s) => new Date(s));

/** Columns /api/jobs sorts on (`sort`), each keyset-paginated; `order` defaults to newest first. */
export const JOB_SORT_KEYS = ["started", "ended", "name", "type", "state", "progress", "bytes"] as const;

export const jobListQuery = z
  .object({
    source: list(z.string().uuid("must be a source id")).optional(),
    kind: list(z.enum(SOURCE_KINDS)).optional(),
    state: list(z.enum(JOB_STATES)).optional(),
    type: list(z.string().min(1).max(100)).optional(),
    q: z.string().trim().max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    gone: z.enum(["include", "exclude"]).default("include"),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    sort: z.enum(JOB_SORT_KEYS).default("started"),
    order: z.enum(["asc", "desc"]).default("desc"),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "must be after from", path: ["to"] });

export type JobListQuery = z.infer<typeof jobListQuery>;
