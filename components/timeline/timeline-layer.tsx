"use client";

import { usePlotArea, useXAxisScale, useYAxisScale } from "recharts";
import { BAR_STYLE } from "./palette";
import type { TimelineBar, TimelineCell, TimelineModel } from "./prepare-timeline";

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Bars and density cells drawn on Recharts' own scales (one SVG rect each): Recharts' range bars
 * give one bar per category row, and a lane holds many jobs.
 */
export function TimelineLayer({
  model,
  onOpen,
  formatTime,
}: {
  model: TimelineModel;
  onOpen: (jobId: string) => void;
  formatTime: (t: number) => string;
}) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const area = usePlotArea();
  if (!x || !y || !area) return null;
  const px = (t: number) => x(clamp(t, model.from, model.to)) ?? area.x;
  const rowTop = (row: number) => y(row) ?? area.y;
  const rowHeight = Math.abs((y(1) ?? 0) - (y(0) ?? 0));
  return (
    <g data-testid="timeline-layer">
      {model.lanes.map((lane) => (
        <line
          key={lane.key}
          x1={area.x}
          x2={area.x + area.width}
          y1={rowTop(lane.row)}
          y2={rowTop(lane.row)}
          className="stroke-slate-200 dark:stroke-slate-700"
        />
      ))}
      {model.cells.map((c) => (
        <Cell
          key={`${c.lane}:${c.start}`}
          cell={c}
          x0={px(c.start)}
          x1={px(c.end)}
          top={rowTop(c.row)}
          height={rowHeight}
          formatTime={formatTime}
        />
      ))}
      {model.bars.map((b) => {
        if (b.end < model.from || b.start > model.to) return null;
        const x0 = px(b.start);
        return (
          <Bar
            key={b.key}
            bar={b}
            x0={x0}
            width={Math.max(3, px(b.end) - x0)}
            top={rowTop(b.row)}
            height={rowHeight}
            onOpen={onOpen}
            formatTime={formatTime}
          />
        );
      })}
    </g>
  );
}

function Bar({
  bar,
  x0,
  width,
  top,
  height,
  onOpen,
  formatTime,
}: {
  bar: TimelineBar;
  x0: number;
  width: number;
  top: number;
  height: number;
  onOpen: (id: string) => void;
  formatTime: (t: number) => string;
}) {
  const style = BAR_STYLE[bar.state];
  const scheduled = bar.state === "scheduled";
  const open = () => bar.jobId && onOpen(bar.jobId);
  const label = `${bar.name}: ${bar.state}, ${scheduled ? "scheduled for" : "from"} ${formatTime(bar.start)}${scheduled ? "" : bar.live ? ", still running" : ` to ${formatTime(bar.end)}`}`;
  return (
    <g
      role={bar.jobId ? "link" : "img"}
      aria-label={label}
      tabIndex={bar.jobId ? 0 : undefined}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === "Enter") open();
      }}
      className={bar.jobId ? "cursor-pointer focus:outline-2 focus:outline-sky-600" : undefined}
      data-testid="timeline-bar"
      data-job-id={bar.jobId ?? undefined}
      data-state={bar.state}
      data-scheduled={scheduled}
      data-start={bar.start}
      data-x={Math.round(x0)}
    >
      <title>{label}</title>
      <rect
        x={x0}
        y={top + 2}
        width={width}
        height={Math.max(2, height - 4)}
        rx={2}
        className={
          scheduled
            ? "fill-transparent stroke-slate-700 [stroke-dasharray:4_2] dark:stroke-slate-200"
            : `${style.fill} stroke-slate-900/20`
        }
      />
      {width > 40 && (
        <text
          x={x0 + 4}
          y={top + height / 2}
          dominantBaseline="central"
          className="pointer-events-none fill-slate-900 text-[10px] dark:fill-slate-50"
        >
          {`${style.icon} ${bar.name}`.slice(0, Math.floor(width / 6))}
        </text>
      )}
    </g>
  );
}

function Cell({
  cell,
  x0,
  x1,
  top,
  height,
  formatTime,
}: {
  cell: TimelineCell;
  x0: number;
  x1: number;
  top: number;
  height: number;
  formatTime: (t: number) => string;
}) {
  const label = `${cell.lane}, ${formatTime(cell.start)}–${formatTime(cell.end)}: ${cell.count} jobs, ${cell.failed} failed, ${cell.active} running or queued`;
  return (
    <g data-testid="timeline-cell" data-count={cell.count} role="img" aria-label={label}>
      <title>{label}</title>
      <rect
        x={x0}
        y={top + 2}
        width={Math.max(1, x1 - x0)}
        height={Math.max(2, height - 4)}
        className="fill-sky-700 dark:fill-sky-400"
        fillOpacity={0.15 + 0.85 * cell.intensity}
      />
      {cell.failed > 0 && (
        <rect
          x={x0}
          y={top + 2}
          width={Math.max(1, x1 - x0)}
          height={3}
          className="fill-red-700 dark:fill-red-400"
        />
      )}
    </g>
  );
}
