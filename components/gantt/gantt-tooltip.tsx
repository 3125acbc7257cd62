import { formatTime } from "@/components/ui/format";
import { formatDuration } from "@/lib/domain/durations";
import type { GanttRow } from "./build-gantt-rows";
import { STATE_ICON } from "./gantt-style";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The hovered phase's details; the chart renders it only while a bar is hovered. */
export function GanttTooltip({ row }: { row: GanttRow }) {
  return (
    <div
      className="max-w-sm rounded border border-slate-300 bg-white p-2 text-xs shadow dark:border-slate-600 dark:bg-slate-900"
      data-testid="gantt-tooltip"
    >
      <p className="font-semibold">{row.name}</p>
      {row.lane && <p className="text-slate-500">{row.lane}</p>}
      <p>
        {STATE_ICON[row.state]} {row.state}
        {row.vendorStatus ? ` (vendor: ${row.vendorStatus})` : ""}
      </p>
      <p>Start: {formatTime(iso(row.startMs))}</p>
      <p>End: {row.running ? "running" : formatTime(iso(row.endMs))}</p>
      <p>Duration: {formatDuration(row.durationMs)}</p>
      {row.baseline && (
        <p>
          Usually {formatDuration(row.baseline.medianMs)} (p90 {formatDuration(row.baseline.p90Ms)},{" "}
          {row.baseline.runs} runs)
          {row.outlier ? " — slower than usual" : ""}
        </p>
      )}
      {row.message && <p className="mt-1 font-mono whitespace-pre-wrap">{row.message}</p>}
    </div>
  );
}
