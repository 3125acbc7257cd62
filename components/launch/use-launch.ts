"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  isLaunchOutcome,
  type LaunchOperationsView,
  type LaunchOutcomeView,
} from "@/lib/contracts/actions";
import { apiFetch, apiFetchOutcome } from "@/components/api/api-fetch";
import { jobKeys } from "@/components/api/query-keys";

export const launchKeys = {
  operations: (sourceId: string) => ["sources", "detail", sourceId, "operations"] as const,
};

export function useLaunchOperations(sourceId: string) {
  return useQuery({
    queryKey: launchKeys.operations(sourceId),
    queryFn: () =>
      apiFetch<LaunchOperationsView>(`/api/sources/${encodeURIComponent(sourceId)}/operations`),
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
async function postLaunch(
  sourceId: string,
  { idempotencyKey, ...body }: LaunchRequestBody,
): Promise<LaunchOutcomeView> {
  const { outcome } = await apiFetchOutcome(
    `/api/sources/${encodeURIComponent(sourceId)}/launch`,
    { method: "POST", headers: { "idempotency-key": idempotencyKey }, json: body },
    isLaunchOutcome,
  );
  return outcome;
}
