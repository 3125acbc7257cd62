"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  IncidentCounts,
  IncidentDetail,
  IncidentPage,
  IncidentStatus,
  IncidentView,
} from "@/lib/contracts/incidents";
import { apiFetch } from "@/components/api/api-fetch";
import { incidentKeys } from "@/components/api/query-keys";

/**
 * Incidents open, update and resolve in the workers and are acknowledged by people: every change
 * comes over the live stream (an `incidents` event), which invalidates these queries
 * (components/live/live-updates.tsx), so none of them polls.
 */
export function useIncidents(statuses: readonly IncidentStatus[]) {
  const query = statuses.map((s) => `status=${encodeURIComponent(s)}`).join("&");
  return useQuery({
    queryKey: incidentKeys.list(statuses),
    queryFn: () => apiFetch<IncidentPage>(`/api/incidents?limit=100${query ? `&${query}` : ""}`),
  });
}

export function useIncident(id: string) {
  return useQuery({
    queryKey: incidentKeys.detail(id),
    queryFn: () => apiFetch<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`),
  });
}

export function useIncidentCounts() {
  return useQuery({
    queryKey: incidentKeys.counts,
    queryFn: () => apiFetch<IncidentCounts>("/api/incidents/counts"),
  });
}

export function useAcknowledge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      apiFetch<IncidentView>(`/api/incidents/${encodeURIComponent(id)}/acknowledge`, {
        method: "POST",
        json: { note },
      }),
    onSettled: () => client.invalidateQueries({ queryKey: incidentKeys.all }),
  });
}
