import { historyListQuery } from "@/lib/contracts/history";
import { route } from "@/lib/http/route";
import { listHistory } from "@/lib/services/history/list-history";

/** GET /api/history: failover history runs, one keyset page. */
export const historyListEndpoint = route({ query: historyListQuery }, async ({ query }) =>
  listHistory(query),
);
