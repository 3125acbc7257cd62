"use client";

import { useQuery } from "@tanstack/react-query";
import type { JobPage } from "@/lib/contracts/jobs";
import { apiFetch } from "@/components/live/query-client";
import { jobKeys } from "@/components/live/query-keys";

/** A page of jobs for a query string the server validates (the same one the URL carries). */
export function useJobs(search: string) {
  return useQuery({
    queryKey: jobKeys.list(search),
    queryFn: () => apiFetch<JobPage>(`/api/jobs?${search}`),
    placeholderData: (previous) => previous,
  });
}
