import { listAudit } from "@/lib/data/audit";
import { route } from "@/lib/http/route";
import { auditFiltersFromQuery, auditQuery } from "@/lib/services/audit/audit-query";

export const dynamic = "force-dynamic";

export const GET = route({ query: auditQuery }, async ({ query }) => listAudit(auditFiltersFromQuery(query)));
