"use client";

import { useQuery } from "@tanstack/react-query";
import type { JobDetailView } from "@/lib/contracts/jobs";
import { apiFetch } from "@/components/live/query-client";
import { jobKeys } from "@/components/live/query-keys";
import { useStreamTopic } from "@/components/live/stream-topic";

/** One job with its detail; SSE invalidates it when the job changes, and a slow poll covers gaps. */
export function useJob(id: string) {
  useStreamTopic(new URLSearchParams({ job: id }).toString());
  return useQuery({
    queryKey: jobKeys.detail(id),
    queryFn: () => apiFetch<JobDetailView>(`/api/jobs/${encodeURIComponent(id)}`),
    refetchInterval: 15_000,
  });
}
