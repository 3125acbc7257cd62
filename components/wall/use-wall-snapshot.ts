"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { WallSnapshot } from "@/lib/contracts/wall";
import { apiFetch } from "@/components/live/query-client";
import { wallKeys } from "./query-keys";

/** Sources are polled every few seconds, each raising a stream event; one re-read covers a burst. */
const MIN_REFRESH_GAP_MS = 3_000;

/**
 * The wall's data. It is re-read whenever the live stream says anything (changes, polls and the
 * 15 s heartbeat), so its age is also the stream's: when the stream stops, the data visibly ages.
 */
export function useWallSnapshot(search: string, lastMessageAt: number | null) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: wallKeys.snapshot(search),
    queryFn: () => apiFetch<WallSnapshot>(`/api/wall?${search}`),
    staleTime: 0,
    refetchInterval: false,
    placeholderData: (previous) => previous,
  });
  const lastRun = useRef(0);
  const timer = useRef<number | null>(null);
  useEffect(() => {
    if (lastMessageAt === null) return;
    const run = () => {
      timer.current = null;
      lastRun.current = Date.now();
      void client.invalidateQueries({ queryKey: wallKeys.snapshot(search) });
    };
    const wait = MIN_REFRESH_GAP_MS - (Date.now() - lastRun.current);
    if (wait <= 0) run();
    else timer.current ??= window.setTimeout(run, wait);
  }, [client, search, lastMessageAt]);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  return query;
}
