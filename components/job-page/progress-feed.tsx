"use client";

import { useRef, useState } from "react";
import type { EventView } from "@/lib/contracts/jobs";
import { apiFetch } from "@/components/api/api-fetch";
import { formatTime } from "@/components/ui/format";
import { SEVERITIES, type Severity } from "@/lib/domain/job-state";
import { holdNewer, mergeEvents, parseSeverities } from "./feed-window";
import { useUrlParam } from "./use-url-param";

const SEVERITY_STYLE: Record<Severity, { icon: string; className: string }> = {
  info: { icon: "ℹ", className: "text-slate-600 dark:text-slate-300" },
  warning: { icon: "⚠", className: "text-amber-800 dark:text-amber-300" },
  error: { icon: "✕", className: "text-red-700 dark:text-red-300" },
};

/** Newest first; the page's detail query keeps the head live, older pages load on request. */
export function ProgressFeed({ jobId, head }: { jobId: string; head: EventView[] }) {
  const [sevParam, setSevParam] = useUrlParam("sev");
  const severities = parseSeverities(sevParam);
  const [older, setOlder] = useState<EventView[]>([]);
  const [exhausted, setExhausted] = useState(false);
  const [loading, setLoading] = useState(false);
  const [anchor, setAnchor] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const all = mergeEvents(head, older).filter(
    (e) => severities.length === 0 || severities.includes(e.severity),
  );
  const { visible, newCount } = holdNewer(all, anchor);

  const onScroll = () => {
    const top = list.current?.scrollTop ?? 0;
    if (top > 16 && anchor === null) setAnchor(visible[0]?.id ?? null);
    else if (top <= 16 && anchor !== null) setAnchor(null);
  };
  const showNew = () => {
    setAnchor(null);
    list.current?.scrollTo({ top: 0 });
  };
  const loadOlder = async () => {
    const oldest = mergeEvents(head, older).reduce<bigint | null>(
      (min, e) => (min === null || BigInt(e.id) < min ? BigInt(e.id) : min),
      null,
    );
    setLoading(true);
    try {
      const query = new URLSearchParams({
        limit: "200",
        ...(oldest !== null ? { before: oldest.toString() } : {}),
      });
      const page = await apiFetch<{ items: EventView[]; nextBefore: string | null }>(
        `/api/jobs/${encodeURIComponent(jobId)}/events?${query}`,
      );
      setOlder((prev) => [...prev, ...page.items]);
      setExhausted(page.nextBefore === null);
    } finally {
      setLoading(false);
    }
  };
  const toggleSeverity = (s: Severity) => {
    const next = severities.includes(s) ? severities.filter((x) => x !== s) : [...severities, s];
    setSevParam(next.length === 0 || next.length === SEVERITIES.length ? null : next.join(","));
  };

  return (
    <section aria-label="Progress feed" className="space-y-2" data-testid="feed">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-semibold">Progress feed</h2>
        <fieldset className="flex gap-2 text-xs">
          <legend className="sr-only">Show severities</legend>
          {SEVERITIES.map((s) => (
            <label key={s} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={severities.length === 0 || severities.includes(s)}
                onChange={() => toggleSeverity(s)}
                data-testid={`feed-filter-${s}`}
              />
              <span aria-hidden>{SEVERITY_STYLE[s].icon}</span> {s}
            </label>
          ))}
        </fieldset>
        {newCount > 0 && (
          <button
            type="button"
            onClick={showNew}
            className="ml-auto rounded bg-sky-700 px-2 py-0.5 text-xs text-white dark:bg-sky-600"
            data-testid="feed-new"
          >
            ↑ {newCount} new event{newCount === 1 ? "" : "s"}
          </button>
        )}
      </div>
      <ol
        ref={list}
        onScroll={onScroll}
        className="max-h-96 overflow-y-auto rounded border border-slate-200 text-sm dark:border-slate-700"
        aria-live="polite"
        aria-relevant="additions"
      >
        {visible.length === 0 && (
          <li className="p-2 text-slate-500">
            No events{severities.length ? " of these severities" : ""}.
          </li>
        )}
        {visible.map((e) => (
          <li
            key={e.id}
            data-testid="feed-event"
            data-severity={e.severity}
            className="flex gap-2 border-b border-slate-100 px-2 py-1 last:border-0 dark:border-slate-800"
          >
            <span className="shrink-0 whitespace-nowrap text-slate-500">{formatTime(e.at)}</span>
            <span className={`w-20 shrink-0 ${SEVERITY_STYLE[e.severity].className}`}>
              <span aria-hidden>{SEVERITY_STYLE[e.severity].icon}</span> {e.severity}
            </span>
            <span className="min-w-0 break-words whitespace-pre-wrap">{e.message}</span>
          </li>
        ))}
      </ol>
      {!exhausted && head.length > 0 && (
        <button
          type="button"
          onClick={() => void loadOlder()}
          disabled={loading}
          className="text-xs text-sky-700 hover:underline dark:text-sky-300"
        >
          {loading ? "Loading…" : "Load older events"}
        </button>
      )}
    </section>
  );
}
