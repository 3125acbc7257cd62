import { route } from "@/lib/http/route";
import { getHistorySummary } from "@/lib/services/history/history-summary";
import { historySummaryQuery } from "@/lib/contracts/history";
import { toHistoryFilters } from "@/lib/services/history/filters";

export const dynamic = "force-dynamic";

export const GET = route({ query: historySummaryQuery }, async ({ query }) => getHistorySummary(toHistoryFilters(query)));
