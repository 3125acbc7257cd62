"use client";

import { useMemo, useRef } from "react";
import { Brush, ComposedChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { TimelineModel } from "./prepare-timeline";
import { TimelineLayer } from "./timeline-layer";
import { localOffsetMs, timeTicks, utcOffsetMs } from "./ticks";

const ROW_PX = 22;
const BRUSH_SLOTS = 120;

export interface TimelineChartProps {
  model: TimelineModel;
  utc: boolean;
  zoneName: string;
  onZoom: (from: number, to: number) => void;
  onOpen: (jobId: string) => void;
}

/** Time runs left to right; rows are lanes (sub-rows where jobs overlap). The brush above drags out a new window. */
export function TimelineChart({ model, utc, zoneName, onZoom, onOpen }: TimelineChartProps) {
  const { from, to } = model;
  const slots = useMemo(
    () =>
      Array.from({ length: BRUSH_SLOTS + 1 }, (_, i) => ({
        t: from + ((to - from) * i) / BRUSH_SLOTS,
      })),
    [from, to],
  );
  const ticks = useMemo(
    () => timeTicks(from, to, 8, utc ? utcOffsetMs : localOffsetMs),
    [from, to, utc],
  );
  const fmt = useMemo(() => timeFormatter(to - from, utc), [from, to, utc]);
  const laneTicks = model.lanes.map((l) => l.row + l.rows / 2);
  const laneAt = new Map(model.lanes.map((l) => [l.row + l.rows / 2, l.label]));
  const range = useRef<{ startIndex?: number; endIndex?: number }>({});
  const rows = Math.max(1, model.rowCount);
  const nowVisible = model.now >= from && model.now <= to;
  return (
    <div
      data-testid="timeline-chart"
      data-from={from}
      data-to={to}
      data-now={model.now}
      data-mode={model.mode}
    >
      {/* The brush sits above the lanes so it stays in reach however many lanes there are. */}
      <ResponsiveContainer width="100%" height={44}>
        <ComposedChart data={slots} margin={{ top: 4, right: 16, bottom: 4, left: 178 }}>
          <XAxis dataKey="t" type="number" domain={[from, to]} allowDataOverflow hide />
          <Brush
            key={`${from}-${to}`}
            dataKey="t"
            height={28}
            travellerWidth={10}
            tickFormatter={(t: number) => fmt(t)}
            onChange={(r) => {
              range.current = r;
            }}
            onDragEnd={(r) => {
              // The indexes onChange reported while dragging are the selection; onDragEnd's own can lag a render behind.
              const start = range.current.startIndex ?? r.startIndex ?? 0;
              const end = range.current.endIndex ?? r.endIndex ?? BRUSH_SLOTS;
              range.current = {};
              const a = slots[start]?.t;
              const b = slots[end]?.t;
              if (a !== undefined && b !== undefined && (start > 0 || end < BRUSH_SLOTS) && b > a)
                onZoom(a, b);
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <ResponsiveContainer width="100%" height={rows * ROW_PX + 70}>
        <ComposedChart data={slots} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <XAxis
            dataKey="t"
            type="number"
            domain={[from, to]}
            allowDataOverflow
            ticks={ticks}
            tickFormatter={(t: number) => fmt(t)}
            orientation="top"
            label={{
              value: `Time (${zoneName})`,
              position: "insideTopRight",
              offset: -2,
              className: "text-xs",
            }}
            height={40}
          />
          <YAxis
            type="number"
            domain={[0, rows]}
            reversed
            ticks={laneTicks}
            tickFormatter={(v: number) => laneAt.get(v) ?? ""}
            width={170}
            interval={0}
            tickLine={false}
            allowDataOverflow
          />
          <TimelineLayer model={model} onOpen={onOpen} formatTime={fmt} />
          {nowVisible && (
            <ReferenceLine
              x={model.now}
              className="timeline-now"
              stroke="currentColor"
              strokeWidth={2}
              label={{ value: "now", position: "top" }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Labels sized to the window: seconds when zoomed in, dates when zoomed out, in the zone chosen. */
export function timeFormatter(spanMs: number, utc: boolean): (t: number) => string {
  const zone = utc ? { timeZone: "UTC" } : {};
  const f =
    spanMs <= 2 * 3600_000
      ? new Intl.DateTimeFormat(undefined, {
          ...zone,
          hour: "2-digit",
          minute: "2-digit",
          second: spanMs <= 600_000 ? "2-digit" : undefined,
          hourCycle: "h23",
        })
      : spanMs <= 2 * 86_400_000
        ? new Intl.DateTimeFormat(undefined, {
            ...zone,
            weekday: "short",
            hour: "2-digit",
            minute: "2-digit",
            hourCycle: "h23",
          })
        : new Intl.DateTimeFormat(undefined, {
            ...zone,
            month: "short",
            day: "numeric",
            hour: "2-digit",
            hourCycle: "h23",
          });
  return (t) => f.format(t);
}
