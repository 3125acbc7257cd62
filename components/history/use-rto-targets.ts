"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/live/query-client";
import type { RtoTargetsView } from "@/lib/contracts/history";
import { historyKeys } from "./query-keys";

export function useRtoTargets() {
  return useQuery({ queryKey: historyKeys.targets(), queryFn: () => apiFetch<RtoTargetsView>("/api/history/targets") });
}

/** Save (minutes → ms) or remove a group's estate-wide target; every history figure depends on it, so all of history is refetched. */
export function useRtoTargetMutations() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: historyKeys.all });
  const save = useMutation({
    mutationFn: ({ group, targetMs }: { group: string; targetMs: number }) =>
      apiFetch("/api/history/targets", { method: "PUT", body: JSON.stringify({ group, targetMs }), headers: { "content-type": "application/json" } }),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/history/targets/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess,
  });
  return { save, remove };
}
