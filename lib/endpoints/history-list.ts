import { historyListQuery } from "@/lib/contracts/history";
import { route } from "@/lib/http/route";
import { sharedRead } from "@/lib/live/shared-reads";
import { listHistory } from "@/lib/services/history/list-history";

/** GET /api/history: failover history runs, one keyset page. */
export const historyListEndpoint = route({ query: historyListQuery }, async ({ query }) =>
  sharedRead("history", query, () => listHistory(query)),
);
