import { listAudit } from "@/lib/data/audit";
import { route } from "@/lib/http/route";
import { auditFiltersFromQuery, auditQuery, auditWindow } from "@/lib/services/audit/audit-query";

export const dynamic = "force-dynamic";

export const GET = route({ query: auditQuery }, async ({ query }) => {
  const now = new Date();
  return { ...(await listAudit(auditFiltersFromQuery(query, now))), window: auditWindow(query, now) };
});
