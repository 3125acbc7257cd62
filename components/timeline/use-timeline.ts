"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ScheduledView, TimelineData } from "@/lib/contracts/explorer";
import { apiFetch } from "@/components/api/api-fetch";
import { explorerKeys } from "@/components/api/query-keys";

/** Jobs in a window. Keyed under the job lists, so the stream replaces changed jobs and refetches for new ones. */
export function useTimeline(search: string) {
  return useQuery({
    queryKey: explorerKeys.timeline(search),
    queryFn: () => apiFetch<TimelineData>(`/api/timeline?${search}`),
    placeholderData: keepPreviousData,
  });
}

/** DFM's announced future jobs between now and the window's end; none when the window is all past. */
export function useScheduled(from: number, to: number) {
  const search = new URLSearchParams({
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  }).toString();
  return useQuery({
    queryKey: explorerKeys.scheduled(search),
    queryFn: () => apiFetch<{ items: ScheduledView[] }>(`/api/scheduled?${search}`),
    enabled: to > from,
    placeholderData: keepPreviousData,
    // Schedules change rarely and not through the job stream.
    refetchInterval: 60_000,
  });
}
