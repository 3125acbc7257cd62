"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";
import { sourceKeys } from "@/components/api/query-keys";
import type { ConnectionTestResult, SourceView } from "@/lib/contracts/sources";
import type { SourceBody } from "./form-values";

const at = (id: string) => `/api/sources/${encodeURIComponent(id)}`;

/** Health ages by the second: refetched now and then as well as on every source change from SSE. */
export function useSources() {
  return useQuery({
    queryKey: sourceKeys.list(),
    queryFn: () => apiFetch<{ items: SourceView[] }>("/api/sources").then((r) => r.items),
    refetchInterval: 15_000,
  });
}

export function useSourceMutations() {
  const client = useQueryClient();
  const onSettled = () => client.invalidateQueries({ queryKey: sourceKeys.all });
  return {
    create: useMutation({
      mutationFn: (body: SourceBody) =>
        apiFetch<SourceView>("/api/sources", { method: "POST", json: body }),
      onSettled,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: SourceBody }) =>
        apiFetch<SourceView>(at(id), { method: "PATCH", json: body }),
      onSettled,
    }),
    remove: useMutation({
      mutationFn: (id: string) => apiFetch<null>(at(id), { method: "DELETE" }),
      onSettled,
    }),
  };
}

export function useConnectionTest() {
  return useMutation({
    mutationFn: (req: { sourceId: string } | { body: SourceBody }) =>
      "sourceId" in req
        ? apiFetch<ConnectionTestResult>(`${at(req.sourceId)}/test`, { method: "POST" })
        : apiFetch<ConnectionTestResult>("/api/sources/test-connection", {
            method: "POST",
            json: req.body,
          }),
  });
}
