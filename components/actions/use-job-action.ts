"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AuditLineView } from "@/lib/contracts/jobs";
import type { JobAction } from "@/lib/domain/actions";
import { apiFetch } from "@/components/live/query-client";
import { jobKeys } from "@/components/live/query-keys";

export interface JobActionRequest {
  action: JobAction;
  reason?: string;
  params?: Record<string, unknown>;
  /** Made once per confirmation dialog: a double click or a retry sends the same key. */
  idempotencyKey: string;
}

export function useJobAction(jobId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (req: JobActionRequest) =>
      apiFetch<AuditLineView>(`/api/jobs/${encodeURIComponent(jobId)}/actions`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": req.idempotencyKey },
        body: JSON.stringify({ action: req.action, reason: req.reason, params: req.params ?? {} }),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: jobKeys.detail(jobId) }),
  });
}
