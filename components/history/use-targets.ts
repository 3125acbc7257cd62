"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";
import type { TargetsView } from "@/lib/contracts/history-targets";
import type { TargetMeasure } from "@/lib/domain/rto";
import { historyKeys } from "@/components/api/query-keys";

const PATH: Record<TargetMeasure, string> = {
  rto: "/api/history/targets",
  rpo: "/api/history/rpo-targets",
};

export function useTargets(measure: TargetMeasure) {
  return useQuery({
    queryKey: historyKeys.targets(measure),
    queryFn: () => apiFetch<TargetsView>(PATH[measure]),
  });
}

/** Save or remove a group's estate-wide target; every history figure may depend on it, so all of history is refetched. */
export function useTargetMutations(measure: TargetMeasure) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: historyKeys.all });
  const save = useMutation({
    mutationFn: ({ group, targetMs }: { group: string; targetMs: number }) =>
      apiFetch(PATH[measure], { method: "PUT", json: { group, targetMs } }),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      apiFetch(`${PATH[measure]}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess,
  });
  return { save, remove };
}
