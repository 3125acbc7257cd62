"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";
import type { ApiTokenRow, CreatedApiToken, NewApiToken } from "@/lib/contracts/tokens";
import { authKeys } from "@/components/api/query-keys";

export function useApiTokens() {
  return useQuery({
    queryKey: authKeys.apiTokens,
    queryFn: () => apiFetch<{ tokens: ApiTokenRow[] }>("/api/api-tokens").then((r) => r.tokens),
  });
}

export function useApiTokenMutations() {
  const client = useQueryClient();
  const onSettled = () => client.invalidateQueries({ queryKey: authKeys.apiTokens });
  return {
    create: useMutation({
      mutationFn: (input: NewApiToken) =>
        apiFetch<CreatedApiToken>("/api/api-tokens", { method: "POST", json: input }),
      onSettled,
    }),
    revoke: useMutation({
      mutationFn: (id: string) =>
        apiFetch<null>(`/api/api-tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
      onSettled,
    }),
  };
}
