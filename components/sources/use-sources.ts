"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/live/query-client";
import { sourceKeys } from "@/components/live/query-keys";
import type { ConnectionTestResult } from "@/lib/contracts/sources";
import type { SourceView } from "@/lib/contracts/sources";
import type { SourceBody } from "./form-values";

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

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
    create: useMutation({ mutationFn: (body: SourceBody) => apiFetch<SourceView>("/api/sources", json("POST", body)), onSettled }),
    update: useMutation({ mutationFn: ({ id, body }: { id: string; body: SourceBody }) => apiFetch<SourceView>(at(id), json("PATCH", body)), onSettled }),
    remove: useMutation({ mutationFn: (id: string) => apiFetch<null>(at(id), json("DELETE")), onSettled }),
  };
}

export function useConnectionTest() {
  return useMutation({
    mutationFn: (req: { sourceId: string } | { body: SourceBody }) =>
      "sourceId" in req
        ? apiFetch<ConnectionTestResult>(`${at(req.sourceId)}/test`, json("POST"))
        : apiFetch<ConnectionTestResult>("/api/sources/test-connection", json("POST", req.body)),
  });
}
