import { jobKeys } from "@/components/live/query-keys";

/** Explorer and timeline queries. Timeline windows sit under jobKeys.lists(): the stream merges and refreshes them like any job list. */
export const explorerKeys = {
  counts: ["jobs-counts"] as const,
  savedViews: ["saved-views"] as const,
  scheduled: (search: string) => ["scheduled", search] as const,
  timeline: (search: string) => [...jobKeys.lists(), "timeline", search] as const,
};
