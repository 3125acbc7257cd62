"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { LaunchOperationsView, LaunchOutcomeView } from "@/lib/contracts/actions";
import { apiFetch, ApiError } from "@/components/live/query-client";
import { jobKeys } from "@/components/live/query-keys";

export const launchKeys = {
  operations: (sourceId: string) => ["sources", "detail", sourceId, "operations"] as const,
};

export function useLaunchOperations(sourceId: string) {
  return useQuery({
    queryKey: launchKeys.operations(sourceId),
    queryFn: () => apiFetch<LaunchOperationsView>(`/api/sources/${encodeURIComponent(sourceId)}/operations`),
    staleTime: 5 * 60_000,
  });
}

export interface LaunchRequestBody {
  operation: string;
  params: Record<string, unknown>;
  reason?: string;
  confirmation?: string;
  /** Made once per filled-in form: a double click or a retry is one vendor call. */
  idempotencyKey: string;
}

export function useLaunch(sourceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (req: LaunchRequestBody) => postLaunch(sourceId, req),
    onSuccess: () => client.invalidateQueries({ queryKey: jobKeys.lists() }),
  });
}

/**
 * A vendor refusal (409) or failure (502) was still audited and answers with the audit row, which
 * the form shows as the outcome; only a request Jobdeck itself turned away is an error.
 */
async function postLaunch(sourceId: string, { idempotencyKey, ...body }: LaunchRequestBody): Promise<LaunchOutcomeView> {
  const res = await fetch(`/api/sources/${encodeURIComponent(sourceId)}/launch`, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json", "idempotency-key": idempotencyKey },
    body: JSON.stringify(body),
  });
  const data = (await res.json().catch(() => null)) as Partial<LaunchOutcomeView> & { title?: string; detail?: string; errors?: ApiError["errors"] } | null;
  if (data?.action) return data as LaunchOutcomeView;
  throw new ApiError(res.status, data?.detail ?? data?.title ?? `HTTP ${res.status}`, data?.errors ?? []);
}
