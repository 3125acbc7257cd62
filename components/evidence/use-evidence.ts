"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  EvidencePackList,
  EvidencePackView,
  EvidenceSignOffView,
  ScheduleCadence,
  ScheduleView,
  VerifyResult,
} from "@/lib/contracts/evidence";
import { apiFetch } from "@/components/api/api-fetch";
import { pdfMayBePrinting } from "@/lib/domain/evidence-print";
import { evidenceKeys } from "@/components/api/query-keys";

export function usePacks() {
  return useQuery({
    queryKey: evidenceKeys.list(),
    queryFn: () => apiFetch<EvidencePackList>("/api/evidence/packs?limit=100"),
  });
}

/** A pack; re-read every few seconds while its PDF is being printed, so its hash appears when stored. */
export function usePack(id: string) {
  return useQuery({
    queryKey: evidenceKeys.pack(id),
    queryFn: () => apiFetch<EvidencePackView>(`/api/evidence/packs/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (isPrinting(query.state.data) ? PRINT_POLL_MS : false),
  });
}

const PRINT_POLL_MS = 3_000;

/** Issued without a PDF yet, and recently enough that the print started at issue is still running. */
export function isPrinting(pack: EvidencePackView | undefined, now = new Date()): boolean {
  return (
    !!pack &&
    pack.pdfSha256 === null &&
    pdfMayBePrinting(new Date(pack.createdAt), pack.runCount, now)
  );
}

export type PackRequest = { quarter: string } | { from: string; to: string };

export function useCreatePack() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PackRequest) =>
      apiFetch<EvidencePackView>("/api/evidence/packs", { method: "POST", json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: evidenceKeys.list() }),
  });
}

export function useSignOffPack(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      apiFetch<EvidenceSignOffView>(`/api/evidence/packs/${encodeURIComponent(id)}/sign-offs`, {
        method: "POST",
        json: { note },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: evidenceKeys.all }),
  });
}

export function useSchedule() {
  return useQuery({
    queryKey: evidenceKeys.schedule(),
    queryFn: () => apiFetch<ScheduleView>("/api/evidence/schedule"),
  });
}

export function useSetSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (cadence: ScheduleCadence) =>
      apiFetch<ScheduleView>("/api/evidence/schedule", { method: "PUT", json: { cadence } }),
    onSuccess: (data) => client.setQueryData(evidenceKeys.schedule(), data),
  });
}

/** Verification by hash: the browser hashes a chosen file itself, so the file never leaves it. */
export function useVerify(sha256: string | null) {
  return useQuery({
    queryKey: evidenceKeys.verify(sha256 ?? ""),
    queryFn: () =>
      apiFetch<VerifyResult>(`/api/evidence/verify?sha256=${encodeURIComponent(sha256 ?? "")}`),
    enabled: sha256 !== null,
  });
}
