"use client";

import { memo, useCallback } from "react";
import { Bar, BarChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatDuration } from "@/lib/domain/durations";
import type { GanttRow } from "./build-gantt-rows";
import { axisTicks, compressedGaps, fromAxis, type GanttAxis } from "./gantt-axis";
import { GanttBar } from "./gantt-bar";
import { AXIS_HEIGHT, ROW_HEIGHT } from "./gantt-style";
import { GanttTooltip } from "./gantt-tooltip";

export interface GanttChartProps {
  rows: GanttRow[];
  axis: GanttAxis;
  window: readonly [number, number];
  mode: "wall" | "elapsed";
  /** Axis position of the now-line, or null when the job is not running. */
  nowAt: number | null;
  selectedKey: string | null;
  onSelect: (key: string) => void;
}

const wallClock = (ms: number) => new Date(ms).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** Renders rows built by buildGanttRows; it decides nothing about layout or time itself. */
export const GanttChart = memo(function GanttChart({ rows, axis, window, mode, nowAt, selectedKey, onSelect }: GanttChartProps) {
  const ticks = axisTicks(axis, window, mode);
  const label = (u: number) => {
    const ms = fromAxis(axis, u);
    return mode === "wall" ? wallClock(ms) : `+${formatDuration(ms - axis.originMs)}`;
  };
  const shape = useCallback((props: BarShapeProps) => <GanttBar {...props} selectedKey={selectedKey} onPick={onSelect} />, [selectedKey, onSelect]);
  return (
    <ResponsiveContainer width="100%" height={rows.length * ROW_HEIGHT + AXIS_HEIGHT} minWidth={200}>
      <BarChart layout="vertical" data={rows} margin={{ top: 0, right: 72, bottom: 0, left: 0 }} barCategoryGap={5}>
        <XAxis
          type="number"
          orientation="top"
          domain={[window[0], window[1]]}
          allowDataOverflow
          ticks={ticks.map((t) => t.u)}
          tickFormatter={label}
          height={AXIS_HEIGHT}
          fontSize={11}
        />
        <YAxis type="category" dataKey="key" hide />
        {compressedGaps(axis).map((g) => (
          <ReferenceArea
            key={g.fromMs}
            x1={Math.max(g.axisFrom, window[0])}
            x2={Math.min(g.axisTo, window[1])}
            ifOverflow="hidden"
            className="fill-slate-300/40 dark:fill-slate-600/40"
            label={{ value: `⋯ ${formatDuration(g.realMs)} idle`, position: "insideTop", fontSize: 11 }}
          />
        ))}
        {nowAt !== null && <ReferenceLine x={nowAt} ifOverflow="hidden" className="stroke-rose-600 dark:stroke-rose-400" strokeDasharray="4 2" label={{ value: "now", position: "top", fontSize: 11 }} />}
        <Tooltip
          isAnimationActive={false}
          cursor={{ fillOpacity: 0.08 }}
          content={(p) => <GanttTooltip active={Boolean(p.active)} row={p.payload?.[0]?.payload} />}
        />
        <Bar dataKey="envelope" shape={shape} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
});
