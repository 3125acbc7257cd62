import { z } from "zod";
import { AUDIT_WINDOW, checkWindow, resolveWindow, type ListWindow } from "@/lib/api/time-window";
import { ACTION_STATUSES, type AuditFilters } from "@/lib/data/audit";
import { badRequest } from "@/lib/http/problem";
import { decodeJobCursor } from "@/lib/data/job-cursor";

/** A query value that may repeat (?status=a&status=b) or be comma-separated. */
const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(20));

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO-8601 date-time")
  .transform((s) => new Date(s));

/** GET /api/audit and /api/audit/export. */
export const auditQuery = z
  .object({
    actor: z.string().trim().max(200).optional(),
    action: list(z.string().min(1).max(50)).optional(),
    status: list(z.enum(ACTION_STATUSES)).optional(),
    source: z.string().uuid("must be a source id").optional(),
    job: z.string().uuid("must be a job id").optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "must be after from", path: ["to"] })
  .superRefine(checkWindow(AUDIT_WINDOW));

export type AuditQuery = z.infer<typeof auditQuery>;

/** The window /api/audit reads when asked `q` at `now` (AUDIT_WINDOW's default when no `from`). */
export function auditWindow(q: Pick<AuditQuery, "from" | "to">, now: Date = new Date()): ListWindow {
  return resolveWindow(q, AUDIT_WINDOW, now).window;
}

/** The parsed query as data-layer filters, bounded in time (AUDIT_WINDOW). */
export function auditFiltersFromQuery(q: AuditQuery, now: Date = new Date()): AuditFilters {
  const { from, to } = resolveWindow(q, AUDIT_WINDOW, now);
  if (q.cursor && !decodeJobCursor(q.cursor)) throw badRequest("Invalid cursor.", [{ parameter: "cursor", message: "not a cursor this API issued" }]);
  return {
    actor: q.actor || undefined,
    actions: q.action,
    statuses: q.status,
    sourceId: q.source,
    jobId: q.job,
    from,
    to,
    cursor: q.cursor,
    limit: q.limit,
  };
}
