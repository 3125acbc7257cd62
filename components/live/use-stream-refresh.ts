"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { StreamEvent } from "@/lib/contracts/stream";
import { onStreamEvent } from "./stream-listeners";

/**
 * Refetches `queryKey` (where a screen shows it) when the live stream reports something that
 * `matters`, at most once per `minGapMs` with a trailing refetch, so a burst of job changes costs
 * one request rather than one per change, and nothing is fetched while nothing happens.
 */
export function useStreamRefresh(
  queryKey: readonly unknown[],
  matters: (event: StreamEvent) => boolean,
  minGapMs: number,
): void {
  const client = useQueryClient();
  const mattersRef = useRef(matters);
  useEffect(() => {
    mattersRef.current = matters;
  }, [matters]);
  const keyJson = JSON.stringify(queryKey);
  useEffect(() => {
    const key = JSON.parse(keyJson) as unknown[];
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer = null;
      last = Date.now();
      // Never cancel a fetch in flight: a live refresh must not swallow the user's "Load more".
      void client.invalidateQueries(
        { queryKey: key, refetchType: "active" },
        { cancelRefetch: false },
      );
    };
    const off = onStreamEvent((event) => {
      if (timer !== null || !mattersRef.current(event)) return;
      const wait = last + minGapMs - Date.now();
      if (wait <= 0) refresh();
      else timer = setTimeout(refresh, wait);
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [client, keyJson, minGapMs]);
}
