"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { StreamStatus } from "@/components/live/live-updates";
import { streamKeys } from "@/components/api/query-keys";
import type { StreamView } from "./freshness";

/** The tab's one SSE stream as the wall sees it, including when it dropped. */
export function useStreamView(): StreamView {
  const { data } = useQuery<StreamStatus>({
    queryKey: streamKeys.status,
    queryFn: () => ({ connected: false, lastMessageAt: null }),
    staleTime: Infinity,
  });
  const connected = data?.connected ?? false;
  const [droppedAt, setDroppedAt] = useState<number | null>(null);
  useEffect(() => {
    // Recording the moment of a transition is the point of this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setDroppedAt((prev) => (connected ? null : (prev ?? Date.now())));
  }, [connected]);
  return { connected, lastMessageAt: data?.lastMessageAt ?? null, droppedAt };
}
