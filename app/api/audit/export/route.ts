import { route } from "@/lib/http/route";
import { streamAuditCsv } from "@/lib/services/audit/audit-csv";
import { auditFiltersFromQuery } from "@/lib/services/audit/audit-query";
import { auditQuery } from "@/lib/contracts/audit";

export const dynamic = "force-dynamic";

/** Every action the filters match, whatever page the screen is on. */
export const GET = route({ query: auditQuery }, async ({ query }) => {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(streamAuditCsv(auditFiltersFromQuery({ ...query, cursor: undefined })), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="jobdeck-audit-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
