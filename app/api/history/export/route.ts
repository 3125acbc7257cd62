import { route } from "@/lib/http/route";
import { streamHistoryCsv } from "@/lib/services/history/export-history";
import { historySummaryQuery } from "@/lib/contracts/history";
import { toHistoryFilters } from "@/lib/services/history/filters";

export const dynamic = "force-dynamic";

/** Every run the filters match, streamed page by page (lib/services/history/export-history.ts). */
export const GET = route({ query: historySummaryQuery }, async ({ query }) => {
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(streamHistoryCsv(toHistoryFilters(query)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="failover-history-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
