"use client";

import { useQuery } from "@tanstack/react-query";
import type { JobBaselineView } from "@/lib/contracts/jobs";
import { apiFetch } from "@/components/live/query-client";
import { jobKeys } from "@/components/live/query-keys";

/** Outside the detail key on purpose: history does not change when this run does, so SSE leaves it alone. */
export const baselineKey = (id: string) => [...jobKeys.all, "baseline", id] as const;

export function useBaseline(id: string) {
  return useQuery({
    queryKey: baselineKey(id),
    queryFn: () => apiFetch<JobBaselineView>(`/api/jobs/${encodeURIComponent(id)}/baseline`),
    staleTime: 5 * 60_000,
  });
}
