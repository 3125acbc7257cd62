import { historyListEndpoint } from "@/lib/endpoints/history-list";

export const dynamic = "force-dynamic";

export const GET = historyListEndpoint;
