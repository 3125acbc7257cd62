import { historySummaryQuery } from "@/lib/contracts/history";
import { inHeavySlot } from "@/lib/http/heavy-gate";
import { route } from "@/lib/http/route";
import { sharedRead } from "@/lib/live/shared-reads";
import { getHistorySummary } from "@/lib/services/history/history-summary";
import { historyWindow, toHistoryFilters } from "@/lib/services/history/filters";

/** GET /api/history/summary: the history page's cards and charts over every matching run. */
export const historySummaryEndpoint = route({ query: historySummaryQuery }, async ({ query }) =>
  sharedRead("history summary", query, () =>
    inHeavySlot(async () => {
      const now = new Date();
      return {
        ...(await getHistorySummary(toHistoryFilters(query, now), now)),
        window: historyWindow(query, now),
      };
    }),
  ),
);
