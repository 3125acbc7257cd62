import { route } from "@/lib/http/route";
import { exportHistoryCsv } from "@/lib/services/history/export-history";
import { historySummaryQuery } from "@/lib/contracts/history";
import { toHistoryFilters } from "@/lib/services/history/filters";

export const dynamic = "force-dynamic";

export const GET = route({ query: historySummaryQuery }, async ({ query }) => {
  const { csv, rows, truncated } = await exportHistoryCsv(toHistoryFilters(query));
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="failover-history-${stamp}.csv"`,
      "cache-control": "no-store",
      "x-row-count": String(rows),
      "x-truncated": String(truncated),
    },
  });
});
