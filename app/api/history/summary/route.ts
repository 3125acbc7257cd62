import { route } from "@/lib/http/route";
import { getHistorySummary } from "@/lib/services/history/history-summary";
import { historySummaryQuery } from "@/lib/contracts/history";
import { historyWindow, toHistoryFilters } from "@/lib/services/history/filters";

export const dynamic = "force-dynamic";

export const GET = route({ query: historySummaryQuery }, async ({ query }) => {
  const now = new Date();
  return {
    ...(await getHistorySummary(toHistoryFilters(query, now), now)),
    window: historyWindow(query, now),
  };
});
