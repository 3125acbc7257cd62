"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { JobPage, JobSummary } from "@/lib/api/job-types";
import type { StreamEvent } from "@/lib/api/stream-types";
import { jobKeys, sourceKeys, streamKeys } from "./query-keys";
import { emitStreamEvent } from "./stream-listeners";

export interface StreamStatus {
  connected: boolean;
  /** When the last message (heartbeats included) arrived: screens use it to show staleness. */
  lastMessageAt: number | null;
}

/**
 * Opens the one SSE stream for this tab and writes what arrives into the React Query cache: changed
 * jobs replace their rows in loaded lists and invalidate their detail, so screens update in place.
 */
export function LiveUpdates() {
  const client = useQueryClient();
  useEffect(() => {
    const source = new EventSource("/api/stream");
    const touch = (connected: boolean) =>
      client.setQueryData<StreamStatus>(streamKeys.status, { connected, lastMessageAt: Date.now() });
    source.onopen = () => touch(true);
    source.onerror = () =>
      client.setQueryData<StreamStatus>(streamKeys.status, (prev) => ({ connected: false, lastMessageAt: prev?.lastMessageAt ?? null }));
    const onMessage = (e: MessageEvent<string>) => {
      touch(true);
      const event = JSON.parse(e.data) as StreamEvent;
      applyStreamEvent(client, event);
      emitStreamEvent(event);
    };
    for (const type of ["jobs", "source", "heartbeat"]) source.addEventListener(type, onMessage as EventListener);
    return () => source.close();
  }, [client]);
  return null;
}

export function applyStreamEvent(client: QueryClient, event: StreamEvent): void {
  if (event.type === "jobs") {
    const byId = new Map(event.jobs.map((j) => [j.id, j]));
    client.setQueriesData<JobPage>({ queryKey: jobKeys.lists() }, (page) => (page ? mergeIntoPage(page, byId) : page));
    for (const job of event.jobs) void client.invalidateQueries({ queryKey: jobKeys.detail(job.id) });
    // New jobs belong in lists whose filters only the server evaluates: active lists refetch.
    void client.invalidateQueries({ queryKey: jobKeys.lists(), refetchType: "active" });
  } else if (event.type === "source") {
    void client.invalidateQueries({ queryKey: sourceKeys.all });
  }
}

function mergeIntoPage(page: JobPage, byId: Map<string, JobSummary>): JobPage {
  let changed = false;
  const items = page.items.map((j) => {
    const next = byId.get(j.id);
    if (!next) return j;
    changed = true;
    return next;
  });
  return changed ? { ...page, items } : page;
}
