import { historySummaryEndpoint } from "@/lib/endpoints/history-summary";

export const dynamic = "force-dynamic";

export const GET = historySummaryEndpoint;
