import { listAudit } from "@/lib/data/audit";
import { route } from "@/lib/http/route";
import { auditFiltersFromQuery, auditWindow } from "@/lib/services/audit/audit-query";
import { auditQuery } from "@/lib/contracts/audit";

export const dynamic = "force-dynamic";

export const GET = route({ query: auditQuery }, async ({ query }) => {
  const now = new Date();
  return {
    ...(await listAudit(auditFiltersFromQuery(query, now))),
    window: auditWindow(query, now),
  };
});
