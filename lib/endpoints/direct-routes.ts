import { streamEndpoint } from "@/lib/live/stream-endpoint";
import { historyListEndpoint } from "./history-list";
import { historySummaryEndpoint } from "./history-summary";
import { jobCountsEndpoint } from "./job-counts";
import { jobsListEndpoint } from "./jobs-list";
import { timelineEndpoint } from "./timeline";
import { wallEndpoint } from "./wall";

type GetHandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

/**
 * The GET routes Jobdeck's own HTTP server (scripts/web.ts) answers itself, by path, with the
 * handlers their Next.js route files export: the live stream, which Next.js would hold about 85 KB
 * of heap for per open request, and the reads every screen polls or loads, for which Next.js's
 * request pipeline cost more than the route's own work (lib/http/serve-web-response.ts). Each path
 * is served by one side only, so per-process state (the heavy-route slots) is counted in one place.
 */
export const DIRECT_GET_ROUTES: ReadonlyMap<string, GetHandler> = new Map([
  ["/api/stream", streamEndpoint],
  ["/api/jobs", jobsListEndpoint],
  ["/api/jobs/counts", jobCountsEndpoint],
  ["/api/timeline", timelineEndpoint],
  ["/api/wall", wallEndpoint],
  ["/api/history", historyListEndpoint],
  ["/api/history/summary", historySummaryEndpoint],
]);
