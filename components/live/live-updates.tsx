"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { JobPage, JobSummary } from "@/lib/contracts/jobs";
import type { StreamEvent } from "@/lib/contracts/stream";
import { incidentKeys, jobKeys, sourceKeys, streamKeys } from "@/components/api/query-keys";
import { emitStreamEvent } from "./stream-listeners";
import { useCurrentStreamTopic } from "./stream-topic";

export interface StreamStatus {
  connected: boolean;
  /** When the last message (heartbeats included) arrived: screens use it to show staleness. */
  lastMessageAt: number | null;
}

/**
 * Opens the one SSE stream for this tab, subscribed to what the screen shows, and writes what arrives
 * into the React Query cache: changed jobs replace their rows in loaded lists and invalidate their
 * detail, so screens update in place. After a reconnect (events may have been missed) or a server
 * `resync`, everything on screen is re-read.
 */
export function LiveUpdates() {
  const client = useQueryClient();
  const topic = useCurrentStreamTopic();
  useEffect(() => {
    const source = new EventSource(topic ? `/api/stream?${topic}` : "/api/stream");
    let dropped = false;
    const touch = (connected: boolean) =>
      client.setQueryData<StreamStatus>(streamKeys.status, {
        connected,
        lastMessageAt: Date.now(),
      });
    source.onopen = () => {
      touch(true);
      if (dropped) void client.invalidateQueries({ refetchType: "active" });
      dropped = false;
    };
    source.onerror = () => {
      dropped = true;
      client.setQueryData<StreamStatus>(streamKeys.status, (prev) => ({
        connected: false,
        lastMessageAt: prev?.lastMessageAt ?? null,
      }));
    };
    const onMessage = (e: MessageEvent<string>) => {
      touch(true);
      const event = JSON.parse(e.data) as StreamEvent;
      applyStreamEvent(client, event);
      emitStreamEvent(event);
    };
    for (const type of ["jobs", "source", "incidents", "heartbeat", "resync"])
      source.addEventListener(type, onMessage as EventListener);
    return () => source.close();
  }, [client, topic]);
  return null;
}

export function applyStreamEvent(client: QueryClient, event: StreamEvent): void {
  if (event.type === "jobs") {
    const byId = new Map(event.jobs.map((j) => [j.id, j]));
    for (const job of event.jobs)
      void client.invalidateQueries({ queryKey: jobKeys.detail(job.id) });
    for (const query of client.getQueryCache().findAll({ queryKey: jobKeys.lists() })) {
      const page = query.state.data as JobPage | undefined;
      if (!page?.items) continue;
      // A job new to the list, or one whose state moved, may change which rows belong (filters and
      // sorts only the server evaluates): that list refetches. Progress on rows it holds merges in place.
      if (needsRefetch(page, byId))
        void client.invalidateQueries({
          queryKey: query.queryKey,
          exact: true,
          refetchType: "active",
        });
      else client.setQueryData<JobPage>(query.queryKey, mergeIntoPage(page, byId));
    }
  } else if (event.type === "source") {
    void client.invalidateQueries({ queryKey: sourceKeys.all });
  } else if (event.type === "incidents") {
    void client.invalidateQueries({ queryKey: incidentKeys.all });
  } else if (event.type === "resync") {
    void client.invalidateQueries({ refetchType: "active" });
  }
}

function needsRefetch(page: JobPage, byId: Map<string, JobSummary>): boolean {
  const held = new Map(page.items.map((j) => [j.id, j]));
  for (const job of byId.values()) {
    const mine = held.get(job.id);
    if (!mine || mine.state !== job.state) return true;
  }
  return false;
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
