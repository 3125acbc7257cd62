"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AlertRuleView } from "@/lib/contracts/alerts";
import type { AlertChannelView, DeliveryView } from "@/lib/contracts/alert-channels";
import { apiFetch, type ApiInit } from "@/components/api/api-fetch";
import { alertKeys } from "@/components/api/query-keys";

const json = (method: string, body?: unknown): ApiInit => ({
  method,
  ...(body === undefined ? {} : { json: body }),
});

export function useRules() {
  return useQuery({
    queryKey: alertKeys.rules,
    queryFn: () => apiFetch<{ items: AlertRuleView[] }>("/api/alerts/rules").then((r) => r.items),
  });
}

export function useChannels() {
  return useQuery({
    queryKey: alertKeys.channels,
    queryFn: () =>
      apiFetch<{ items: AlertChannelView[] }>("/api/alerts/channels").then((r) => r.items),
  });
}

export function useRuleMutations() {
  const client = useQueryClient();
  const onSettled = () => client.invalidateQueries({ queryKey: alertKeys.rules });
  return {
    create: useMutation({
      mutationFn: (body: unknown) =>
        apiFetch<AlertRuleView>("/api/alerts/rules", json("POST", body)),
      onSettled,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: unknown }) =>
        apiFetch<AlertRuleView>(`/api/alerts/rules/${encodeURIComponent(id)}`, json("PUT", body)),
      onSettled,
    }),
    remove: useMutation({
      mutationFn: (id: string) =>
        apiFetch<null>(`/api/alerts/rules/${encodeURIComponent(id)}`, json("DELETE")),
      onSettled,
    }),
  };
}

export function useChannelMutations() {
  const client = useQueryClient();
  const onSettled = () => client.invalidateQueries({ queryKey: alertKeys.channels });
  return {
    create: useMutation({
      mutationFn: (body: unknown) =>
        apiFetch<AlertChannelView>("/api/alerts/channels", json("POST", body)),
      onSettled,
    }),
    remove: useMutation({
      mutationFn: (id: string) =>
        apiFetch<null>(`/api/alerts/channels/${encodeURIComponent(id)}`, json("DELETE")),
      onSettled,
    }),
    test: useMutation({
      mutationFn: (id: string) =>
        apiFetch<{ deliveryId: string }>(
          `/api/alerts/channels/${encodeURIComponent(id)}/test`,
          json("POST"),
        ),
    }),
  };
}

/** Follows a delivery until it is delivered or has failed for good. */
export function useDelivery(id: string | null) {
  return useQuery({
    queryKey: alertKeys.delivery(id ?? ""),
    queryFn: () => apiFetch<DeliveryView>(`/api/alerts/deliveries/${encodeURIComponent(id ?? "")}`),
    enabled: id !== null,
    refetchInterval: (q) =>
      q.state.data?.status === "delivered" || q.state.data?.status === "failed" ? false : 1_000,
  });
}
