import type { AuditQuery } from "@/lib/contracts/audit";
import { AUDIT_WINDOW, resolveWindow, type ListWindow } from "@/lib/contracts/time-window";
import type { AuditFilters } from "@/lib/data/audit";
import { Invalid } from "@/lib/domain/errors";
import { decodeJobCursor } from "@/lib/data/job-cursor";

/** The window /api/audit reads when asked `q` at `now` (AUDIT_WINDOW's default when no `from`). */
export function auditWindow(
  q: Pick<AuditQuery, "from" | "to">,
  now: Date = new Date(),
): ListWindow {
  return resolveWindow(q, AUDIT_WINDOW, now).window;
}

/** The parsed query as data-layer filters, bounded in time (AUDIT_WINDOW). */
export function auditFiltersFromQuery(q: AuditQuery, now: Date = new Date()): AuditFilters {
  const { from, to } = resolveWindow(q, AUDIT_WINDOW, now);
  if (q.cursor && !decodeJobCursor(q.cursor))
    throw new Invalid("Invalid cursor.", [
      { parameter: "cursor", message: "not a cursor this API issued" },
    ]);
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
