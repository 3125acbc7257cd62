"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { WallPart, WallPatch, WallSnapshot } from "@/lib/contracts/wall";
import { apiFetch } from "@/components/api/api-fetch";
import { wallKeys } from "@/components/api/query-keys";
import { onStreamEvent } from "@/components/live/stream-listeners";
import { applyJobsToWall, mergeWallPatch } from "./wall-patch";

/** Sources are polled every few seconds, each raising a stream event; one re-read covers a burst. */
const MIN_REREAD_GAP_MS = 3_000;
/** A whole re-read now and then, in case a change never reached the stream (a job beyond the lists). */
const SAFETY_REFRESH_MS = 5 * 60_000;

export interface WallData {
  query: ReturnType<typeof useQuery<WallSnapshot>>;
  /** Screen clock minus server clock at the last server read. */
  serverOffsetMs: number | null;
  /** When the data was last known to include everything the stream said (null before the first read). */
  syncedAt: number | null;
}

/**
 * The wall's data: read whole once, then kept live from the stream. Changed jobs patch the rows the
 * wall shows in place; what only the server can decide (a job joining a list, an ETA, a recovery)
 * re-reads just the parts it touched (`/api/wall?parts=…`). Resyncs and reconnects re-read it
 * whole (LiveUpdates invalidates every active query), and so does a slow safety refresh.
 */
export function useWallSnapshot(search: string): WallData {
  const client = useQueryClient();
  const key = wallKeys.snapshot(search);
  const [serverOffsetMs, setServerOffsetMs] = useState<number | null>(null);
  const [syncedAt, setSyncedAt] = useState<number | null>(null);
  const query = useQuery({
    queryKey: key,
    queryFn: async () => {
      const snap = await apiFetch<WallSnapshot>(`/api/wall?${search}`);
      const at = Date.now();
      setServerOffsetMs(at - Date.parse(snap.generatedAt));
      setSyncedAt(at);
      return snap;
    },
    staleTime: SAFETY_REFRESH_MS,
    refetchInterval: SAFETY_REFRESH_MS,
    placeholderData: (previous) => previous,
  });

  const pending = useRef(new Set<WallPart>());
  const lastRun = useRef(0);
  const timer = useRef<number | null>(null);
  const reading = useRef(false);
  const reread = useCallback(async () => {
    timer.current = null;
    lastRun.current = Date.now();
    reading.current = true;
    const parts = [...pending.current];
    pending.current.clear();
    try {
      const patch = await apiFetch<WallPatch>(`/api/wall?${search}&parts=${parts.join(",")}`);
      const at = Date.now();
      client.setQueryData<WallSnapshot>(wallKeys.snapshot(search), (snap) =>
        snap ? mergeWallPatch(snap, patch) : snap,
      );
      setServerOffsetMs(at - Date.parse(patch.generatedAt));
      if (pending.current.size === 0) setSyncedAt(at);
    } catch {
      // Not read: the parts stay owed, and the data ages visibly until a later read succeeds.
      for (const p of parts) pending.current.add(p);
    } finally {
      reading.current = false;
    }
  }, [client, search]);

  useEffect(() => {
    const schedule = () => {
      const wait = MIN_REREAD_GAP_MS - (Date.now() - lastRun.current);
      if (wait <= 0) void reread();
      else timer.current ??= window.setTimeout(() => void reread(), wait);
    };
    const off = onStreamEvent((event) => {
      const snap = client.getQueryData<WallSnapshot>(wallKeys.snapshot(search));
      if (!snap) return;
      if (event.type === "jobs") {
        const { next, reread: parts } = applyJobsToWall(snap, event.jobs);
        if (next !== snap) client.setQueryData(wallKeys.snapshot(search), next);
        for (const p of parts) pending.current.add(p);
      } else if (event.type === "source") {
        pending.current.add("sources");
      }
      // Every message, heartbeats included, says the stream is current: with nothing owed, so is the wall.
      if (pending.current.size > 0) schedule();
      else if (timer.current === null && !reading.current) setSyncedAt(Date.now());
    });
    return () => {
      off();
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
    };
  }, [client, search, reread]);

  return { query, serverOffsetMs, syncedAt };
}
