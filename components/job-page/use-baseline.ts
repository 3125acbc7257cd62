"use client";

import { useQuery } from "@tanstack/react-query";
import type { JobBaselineView } from "@/lib/contracts/jobs";
import { apiFetch } from "@/components/api/api-fetch";
import { jobKeys } from "@/components/api/query-keys";

/** Outside the detail key on purpose: history does not change when this run does, so SSE leaves it alone. */

export function useBaseline(id: string) {
  return useQuery({
    queryKey: jobKeys.baseline(id),
    queryFn: () => apiFetch<JobBaselineView>(`/api/jobs/${encodeURIComponent(id)}/baseline`),
    staleTime: 5 * 60_000,
  });
}
