"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";
import { useStreamRefresh } from "@/components/live/use-stream-refresh";
import type { StreamEvent } from "@/lib/contracts/stream";
import type {
  EvidenceReport,
  HistoryPage,
  HistorySummary,
  SignOffView,
} from "@/lib/contracts/history";
import { historyKeys } from "@/components/api/query-keys";

/** Kinds whose jobs are failover history (lib/services/history/query.ts HISTORY_KINDS). */
const HISTORY_KINDS = new Set(["eyeglass", "commvault", "dfm"]);
/** The summary aggregates a year of runs: one refetch per few seconds of stream activity is plenty. */
const MIN_REFRESH_GAP_MS = 5_000;
const historyChanged = (e: StreamEvent) =>
  e.type === "jobs" && e.jobs.some((j) => HISTORY_KINDS.has(j.kind));

/** The history page follows the live stream: a run of a history kind that changes refetches what is on screen. */
export function useHistoryFollowsStream() {
  useStreamRefresh(historyKeys.all, historyChanged, MIN_REFRESH_GAP_MS);
}

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
  });
}

export function useHistorySummary(search: string) {
  return useQuery({
    queryKey: historyKeys.summary(search),
    queryFn: () => apiFetch<HistorySummary>(`/api/history/summary?${search}`),
    placeholderData: (previous) => previous,
  });
}

export function useEvidence(id: string) {
  return useQuery({
    queryKey: historyKeys.evidence(id),
    queryFn: () => apiFetch<EvidenceReport>(`/api/history/${id}`),
  });
}

export function useSignOff(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      apiFetch<SignOffView>(`/api/history/${id}/sign-offs`, {
        method: "POST",
        json: { note },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: historyKeys.evidence(id) }),
  });
}
