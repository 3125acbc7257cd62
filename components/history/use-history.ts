"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/live/query-client";
import type { EvidenceReport, HistoryPage, HistorySummary, SignOffView } from "@/lib/services/history/types";
import { historyKeys } from "./query-keys";

/** History changes when runs finish, minutes apart: a slow refresh is enough, the SSE feed is for live jobs. */
const REFRESH_MS = 60_000;

export function useHistoryList(search: string) {
  return useInfiniteQuery({
    queryKey: historyKeys.list(search),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(search);
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<HistoryPage>(`/api/history?${params.toString()}`);
    },
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: REFRESH_MS,
  });
}

export function useHistorySummary(search: string) {
  return useQuery({
    queryKey: historyKeys.summary(search),
    queryFn: () => apiFetch<HistorySummary>(`/api/history/summary?${search}`),
    placeholderData: (previous) => previous,
    refetchInterval: REFRESH_MS,
  });
}

export function useEvidence(id: string) {
  return useQuery({ queryKey: historyKeys.evidence(id), queryFn: () => apiFetch<EvidenceReport>(`/api/history/${id}`) });
}

export function useSignOff(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      apiFetch<SignOffView>(`/api/history/${id}/sign-offs`, {
        method: "POST",
        body: JSON.stringify({ note }),
        headers: { "content-type": "application/json" },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: historyKeys.evidence(id) }),
  });
}
