"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SavedViewItem } from "@/lib/contracts/explorer";
import { apiFetch } from "@/components/api/api-fetch";
import { explorerKeys } from "@/components/api/query-keys";

export function useSavedViews() {
  return useQuery({
    queryKey: explorerKeys.savedViews,
    queryFn: () => apiFetch<{ items: SavedViewItem[] }>("/api/saved-views"),
  });
}

export function useSaveView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; query: string }) =>
      apiFetch<SavedViewItem>("/api/saved-views", { method: "POST", json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: explorerKeys.savedViews }),
  });
}

export function useDeleteView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<null>(`/api/saved-views/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: explorerKeys.savedViews }),
  });
}
