"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef, useState } from "react";
import { formatDuration } from "@/lib/domain/durations";
import type { GanttRow } from "./build-gantt-rows";
import { axisTicks, compressedGaps, type GanttAxis } from "./gantt-axis";
import { GanttBar } from "./gantt-bar";
import { GanttLabel } from "./gantt-label";
import { AXIS_HEIGHT, ROW_HEIGHT } from "./gantt-style";
import { GanttTooltip } from "./gantt-tooltip";
import { useElementWidth } from "./use-element-width";

export interface GanttChartProps {
  rows: GanttRow[];
  axis: GanttAxis;
  window: readonly [number, number];
  mode: "wall" | "elapsed";
  /** Axis position of the now-line, or null when the job is not running. */
  nowAt: number | null;
  selectedKey: string | null;
  onSelect: (key: string) => void;
  onToggle: (key: string) => void;
}

/** Room after a bar for its icon and duration. */
const RIGHT_PAD = 80;
const wallClock = (ms: number) =>
  new Date(ms).toLocaleTimeString(undefined, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });

/**
 * A custom SVG layer rather than Recharts: the job-page benchmark measured Recharts redrawing 500
 * range bars at ~190 ms of main thread per second while a job runs and 1.3 s to collapse all; here
 * only the rows in view are drawn (virtualised), so cost follows the viewport, not the phase count.
 */
export function GanttChart({
  rows,
  axis,
  window,
  mode,
  nowAt,
  selectedKey,
  onSelect,
  onToggle,
}: GanttChartProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [plotRef, plotWidth] = useElementWidth<HTMLDivElement>();
  const [hover, setHover] = useState<{ row: GanttRow; x: number; y: number } | null>(null);
  // The compiler must not memoise around the virtualizer: its measurements change without new props.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const width = Math.max(1, plotWidth - RIGHT_PAD);
  const [w0, w1] = window;
  const px = (u: number) => ((u - w0) / (w1 - w0)) * width;
  const inView = (u: number) => u >= w0 && u <= w1;
  const ticks = axisTicks(axis, window, mode);
  const gaps = compressedGaps(axis).filter((g) => g.axisTo >= w0 && g.axisFrom <= w1);
  const label = (ms: number) =>
    mode === "wall" ? wallClock(ms) : `+${formatDuration(ms - axis.originMs)}`;
  const total = virtual.getTotalSize();
  return (
    <div
      ref={scroller}
      className="relative max-h-[70vh] overflow-auto rounded border border-slate-200 dark:border-slate-700"
      data-testid="gantt-scroller"
    >
      <div
        className="sticky top-0 z-20 flex border-b border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-950"
        style={{ height: AXIS_HEIGHT }}
      >
        <div className="flex w-72 shrink-0 items-end border-r border-slate-200 px-1 pb-1 text-xs text-slate-500 uppercase dark:border-slate-700">
          Phase
        </div>
        <div
          ref={plotRef}
          className="relative min-w-0 flex-1 overflow-hidden text-[11px] text-slate-600 dark:text-slate-300"
          data-testid="gantt-axis"
        >
          {ticks.map((t) => (
            <span
              key={t.ms}
              className="absolute bottom-1 -translate-x-1/2 whitespace-nowrap"
              style={{ left: Math.max(32, px(t.u)) }}
            >
              {label(t.ms)}
            </span>
          ))}
          {gaps.map((g) => (
            <span
              key={g.fromMs}
              className="absolute top-0 font-medium whitespace-nowrap"
              style={{ left: Math.max(0, px(g.axisFrom)) }}
              data-testid="gantt-gap"
            >
              ⋯ {formatDuration(g.realMs)} idle
            </span>
          ))}
        </div>
      </div>
      <div role="tree" aria-label="Phases" className="relative" style={{ height: total }}>
        <div
          aria-hidden
          className="pointer-events-none absolute inset-y-0 right-0 left-72 overflow-hidden"
        >
          {gaps.map((g) => (
            <div
              key={g.fromMs}
              className="absolute inset-y-0 bg-[repeating-linear-gradient(135deg,transparent_0_6px,rgb(148_163_184/0.25)_6px_8px)]"
              style={{
                left: Math.max(0, px(g.axisFrom)),
                width: Math.max(2, px(g.axisTo) - Math.max(0, px(g.axisFrom))),
              }}
            />
          ))}
          {nowAt !== null && inView(nowAt) && (
            <div
              className="absolute inset-y-0 w-0 border-l-2 border-dashed border-rose-600 dark:border-rose-400"
              style={{ left: px(nowAt) }}
              data-testid="gantt-now"
            />
          )}
        </div>
        {virtual.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={row.key}
              className={`absolute inset-x-0 flex ${row.laneStart ? "border-t border-slate-300 dark:border-slate-600" : ""}`}
              style={{ top: item.start, height: ROW_HEIGHT }}
            >
              <GanttLabel
                row={row}
                selected={row.key === selectedKey}
                onSelect={onSelect}
                onToggle={onToggle}
              />
              <svg
                className="min-w-0 flex-1"
                height={ROW_HEIGHT}
                onMouseLeave={() => setHover(null)}
              >
                <GanttBar
                  row={row}
                  px={px}
                  height={ROW_HEIGHT}
                  selected={row.key === selectedKey}
                  onPick={onSelect}
                  onHover={(r, x) => setHover(r ? { row: r, x, y: item.start } : null)}
                />
              </svg>
            </div>
          );
        })}
        {hover && (
          <div
            className="pointer-events-none absolute z-30"
            style={{
              top: hover.y + ROW_HEIGHT,
              left: `calc(18rem + ${Math.min(hover.x, width - 200)}px)`,
            }}
          >
            <GanttTooltip row={hover.row} />
          </div>
        )}
      </div>
    </div>
  );
}
