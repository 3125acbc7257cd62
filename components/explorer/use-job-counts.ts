"use client";

import { useQuery } from "@tanstack/react-query";
import type { JobCounts } from "@/lib/contracts/explorer";
import { apiFetch } from "@/components/live/query-client";
import { explorerKeys } from "./keys";
import { useRefetchOnJobChanges } from "./use-job-changes";

export function useJobCounts() {
  useRefetchOnJobChanges(explorerKeys.counts);
  return useQuery({
    queryKey: explorerKeys.counts,
    queryFn: () => apiFetch<JobCounts>("/api/jobs/counts"),
    // "Failed in the last 24 h" also changes as old failures age out, with no job changing.
    refetchInterval: 60_000,
  });
}
