"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";
import { authKeys } from "@/components/api/query-keys";
import type { CreatedDisplayToken, DisplayTokenRow } from "@/lib/contracts/auth";

export function useDisplayTokens() {
  return useQuery({
    queryKey: authKeys.displayTokens,
    queryFn: () =>
      apiFetch<{ tokens: DisplayTokenRow[] }>("/api/display-tokens").then((r) => r.tokens),
  });
}

export function useDisplayTokenMutations() {
  const client = useQueryClient();
  const onSettled = () => client.invalidateQueries({ queryKey: authKeys.displayTokens });
  return {
    create: useMutation({
      mutationFn: (name: string) =>
        apiFetch<CreatedDisplayToken>("/api/display-tokens", { method: "POST", json: { name } }),
      onSettled,
    }),
    revoke: useMutation({
      mutationFn: (id: string) =>
        apiFetch<null>(`/api/display-tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
      onSettled,
    }),
  };
}
