import { route } from "@/lib/http/route";
import { listHistory } from "@/lib/services/history/list-history";
import { historyListQuery } from "@/lib/contracts/history";

export const dynamic = "force-dynamic";

export const GET = route({ query: historyListQuery }, async ({ query }) => listHistory(query));
