"use client";

import { useRouter } from "next/navigation";
import { useMemo, useSyncExternalStore } from "react";
import { TIMELINE_GROUPS } from "@/lib/contracts/explorer";
import { useUrlView } from "@/components/explorer/use-url-view";
import { useNow } from "@/components/ui/use-now";
import { BAR_STYLE } from "./palette";
import { prepareTimeline } from "./prepare-timeline";
import {
  pan,
  parseTimelineView,
  PRESETS,
  timelineApiSearch,
  timelineSearch,
  timelineWindow,
  zoomOut,
  zoomTo,
} from "./search-params";
import { TimelineChart } from "./timeline-chart";
import { useScheduled, useTimeline } from "./use-timeline";

const BUCKETS = 200;
/** Past this many bars on screen, density reads better than a solid block of bars. */
const MAX_BARS = 1500;
const PLOT_PX_GUESS = 1000;

const button =
  "rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800 aria-pressed:bg-sky-700 aria-pressed:text-white";

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** /timeline: every job of every vendor on one time axis. */
export function TimelineView() {
  const router = useRouter();
  const { view, update } = useUrlView(parseTimelineView, timelineSearch);
  const now = useNow(5_000);
  const minute = Math.floor(now / 60_000) * 60_000;
  const span = useMemo(() => timelineWindow(view, minute), [view, minute]);
  const timeline = useTimeline(timelineApiSearch(view, span, BUCKETS));
  const scheduled = useScheduled(Math.max(span.from, minute), span.to);
  const zone = useSyncExternalStore(noSubscribe, browserZone, () => "UTC");
  const zoneName = view.utc ? "UTC" : zone;

  const model = useMemo(
    () =>
      timeline.data
        ? prepareTimeline(timeline.data, scheduled.data?.items ?? [], {
            ...span,
            now,
            group: view.group,
            maxBars: MAX_BARS,
            buckets: BUCKETS,
            minSpanMs: ((span.to - span.from) / PLOT_PX_GUESS) * 3,
          })
        : null,
    [timeline.data, scheduled.data, span, now, view.group],
  );

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2" data-testid="timeline-controls">
        {PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className={button}
            aria-pressed={view.preset === p}
            onClick={() => update((v) => ({ ...v, preset: p, from: null, to: null }))}
            data-testid={`preset-${p}`}
          >
            {p === "1h" ? "Last hour" : `Last ${p.replace("d", " d").replace("h", " h")}`}
          </button>
        ))}
        <button
          type="button"
          className={button}
          onClick={() => update((v) => pan(v, minute, -0.5))}
          aria-label="Pan back in time"
          data-testid="pan-back"
        >
          ◀
        </button>
        <button
          type="button"
          className={button}
          onClick={() => update((v) => pan(v, minute, 0.5))}
          aria-label="Pan forward in time"
          data-testid="pan-forward"
        >
          ▶
        </button>
        <button
          type="button"
          className={button}
          onClick={() => update((v) => zoomOut(v, minute))}
          data-testid="zoom-out"
        >
          Zoom out
        </button>
        <label className="text-sm">
          Lanes by{" "}
          <select
            value={view.group}
            onChange={(e) =>
              update((v) => ({
                ...v,
                group: TIMELINE_GROUPS.find((g) => g === e.target.value) ?? "source",
              }))
            }
            className="rounded border border-slate-300 px-1 dark:border-slate-600 dark:bg-slate-950"
            data-testid="timeline-group"
          >
            {TIMELINE_GROUPS.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            checked={view.utc}
            onChange={(e) => update((v) => ({ ...v, utc: e.target.checked }))}
            data-testid="timeline-utc"
          />
          UTC
        </label>
        {timeline.data && (
          <span
            className="text-xs text-slate-600 dark:text-slate-400"
            data-testid="timeline-summary"
          >
            {timeline.data.total} jobs in view
            {model?.mode === "density" ? " — shown as density per lane; zoom in for bars" : ""}
          </span>
        )}
      </div>
      <Legend />
      {timeline.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Could not load the timeline: {timeline.error.message}
        </p>
      )}
      {!model && !timeline.error && (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading timeline…</p>
      )}
      {model && model.rowCount === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="timeline-empty">
          No jobs in this window.
        </p>
      )}
      {model && (
        <TimelineChart
          model={model}
          utc={view.utc}
          zoneName={zoneName}
          onZoom={(a, b) => update((v) => zoomTo(v, a, b))}
          onOpen={(id) => router.push(`/jobs/${id}`)}
        />
      )}
    </div>
  );
}

const noSubscribe = () => () => {};

function Legend() {
  return (
    <ul className="flex flex-wrap gap-3 text-xs" aria-label="Legend">
      {Object.entries(BAR_STYLE).map(([state, s]) => (
        <li key={state} className="flex items-center gap-1">
          <svg width="14" height="10" aria-hidden>
            <rect
              width="14"
              height="10"
              rx="2"
              className={
                state === "scheduled"
                  ? "fill-transparent stroke-slate-700 [stroke-dasharray:3_2] dark:stroke-slate-200"
                  : s.fill
              }
            />
          </svg>
          <span aria-hidden>{s.icon}</span>
          {state}
        </li>
      ))}
    </ul>
  );
}
