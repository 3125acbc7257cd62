"use client";

import { useEffect, useSyncExternalStore } from "react";

/**
 * What this tab's one stream subscribes to, as /api/stream's query string: the screen on show
 * declares it (a job page its job, a list its filters, the wall its sources); "" is every change.
 */
let topic = "";
const listeners = new Set<() => void>();

function setTopic(next: string): void {
  if (next === topic) return;
  topic = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCurrentStreamTopic(): string {
  return useSyncExternalStore(
    subscribe,
    () => topic,
    () => "",
  );
}

/** Declares the tab's stream topic while the calling screen is mounted. */
export function useStreamTopic(search: string): void {
  useEffect(() => {
    setTopic(search);
    return () => setTopic("");
  }, [search]);
}

/** A list's stream topic: its source, vendor, type and text filters (never its states: jobs leaving a state must reach it). */
export function listTopic(f: {
  sources?: readonly string[];
  kinds?: readonly string[];
  types?: readonly string[];
  q?: string;
}): string {
  const p = new URLSearchParams();
  for (const s of f.sources ?? []) p.append("source", s);
  for (const k of f.kinds ?? []) p.append("kind", k);
  for (const t of f.types ?? []) p.append("type", t);
  if (f.q?.trim()) p.set("q", f.q.trim());
  return p.toString();
}
