"use client";

import { useQuery } from "@tanstack/react-query";
import { streamKeys } from "@/components/api/query-keys";
import type { StreamStatus } from "./live-updates";

/** Says whether the page is live: a dropped stream must never look like a quiet one. */
export function StreamIndicator() {
  const { data } = useQuery<StreamStatus>({
    queryKey: streamKeys.status,
    queryFn: () => ({ connected: false, lastMessageAt: null }),
    staleTime: Infinity,
  });
  const live = data?.connected ?? false;
  return (
    <span
      className="flex items-center gap-1.5 text-xs"
      data-testid="stream-status"
      data-live={live}
    >
      <span
        aria-hidden
        className={`inline-block h-2 w-2 rounded-full ${live ? "bg-emerald-500" : "bg-amber-500"}`}
      />
      {live ? "Live" : "Reconnecting…"}
    </span>
  );
}
