import { listAudit } from "@/lib/data/audit";
import { route } from "@/lib/http/route";
import { auditFiltersFromQuery } from "@/lib/services/audit/audit-query";
import { auditQuery } from "@/lib/contracts/audit";

export const dynamic = "force-dynamic";

export const GET = route({ query: auditQuery }, async ({ query }) => listAudit(auditFiltersFromQuery(query)));
