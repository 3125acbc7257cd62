import type { AuditQuery } from "@/lib/contracts/audit";
import type { AuditFilters } from "@/lib/data/audit";
import { Invalid } from "@/lib/domain/errors";
import { decodeJobCursor } from "@/lib/data/job-cursor";

export function auditFiltersFromQuery(q: AuditQuery): AuditFilters {
  if (q.cursor && !decodeJobCursor(q.cursor)) throw new Invalid("Invalid cursor.", [{ parameter: "cursor", message: "not a cursor this API issued" }]);
  return {
    actor: q.actor || undefined,
    actions: q.action,
    statuses: q.status,
    sourceId: q.source,
    jobId: q.job,
    from: q.from,
    to: q.to,
    cursor: q.cursor,
    limit: q.limit,
  };
}
