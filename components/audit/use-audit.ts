"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/live/query-client";
import { useStreamRefresh } from "@/components/live/use-stream-refresh";
import type { StreamEvent } from "@/lib/contracts/stream";
import type { AuditPage } from "@/lib/contracts/audit";
import { auditKeys } from "./query-keys";

const PAGE = 50;

/** An action's outcome changes its job, which the stream reports: the trail refetches then. */
const MIN_REFRESH_GAP_MS = 2_000;
/** Refused actions change no job; this catches them without the stream. */
const FALLBACK_REFRESH_MS = 60_000;
const jobsChanged = (e: StreamEvent) => e.type === "jobs";

/** Keyset pages of the audit trail, following the live stream. */
export function useAudit(apiQuery: string) {
  useStreamRefresh(auditKeys.all, jobsChanged, MIN_REFRESH_GAP_MS);
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
    refetchInterval: FALLBACK_REFRESH_MS,
  });
}
