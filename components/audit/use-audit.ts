"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/live/query-client";
import type { AuditPage } from "@/lib/data/audit";
import { auditKeys } from "./query-keys";

const PAGE = 50;

/** Keyset pages of the audit trail; new actions appear within the refetch interval. */
export function useAudit(apiQuery: string) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(apiQuery),
    initialPageParam: "",
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams(apiQuery);
      q.set("limit", String(PAGE));
      if (pageParam) q.set("cursor", pageParam);
      return apiFetch<AuditPage>(`/api/audit?${q.toString()}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 10_000,
  });
}
