import type { BarShapeProps } from "recharts";
import { formatDuration } from "@/lib/domain/durations";
import type { GanttRow } from "./build-gantt-rows";
import { STATE_FILL, STATE_ICON } from "./gantt-style";

interface BarExtras {
  selectedKey: string | null;
  onPick: (key: string) => void;
}

/**
 * One phase: the faint median bar and p90 whisker of past runs behind it, the phase itself, and its
 * icon and duration after it. Recharts places the shape by the row's envelope; everything inside is
 * interpolated from that, so it stays exact under zoom.
 */
export function GanttBar({ selectedKey, onPick, ...props }: BarShapeProps & BarExtras) {
  const row: GanttRow | undefined = props.payload;
  if (!row?.span || !row.envelope) return null;
  const [e0, e1] = row.envelope;
  const px = (u: number) => props.x + (e1 === e0 ? 0 : ((u - e0) / (e1 - e0)) * props.width);
  const top = props.y;
  const h = props.height;
  const x0 = px(row.span[0]);
  const w = Math.max(2, px(row.span[1]) - x0);
  const selected = row.key === selectedKey;
  const mid = top + h / 2;
  return (
    <g
      data-testid="gantt-bar"
      data-key={row.key}
      data-state={row.state}
      data-running={row.running}
      data-duration-ms={row.durationMs ?? ""}
      data-outlier={row.outlier}
      onClick={() => onPick(row.key)}
      className="cursor-pointer"
    >
      {row.baseline && (
        <g data-testid="gantt-baseline" aria-hidden>
          <rect x={x0} y={top - 2} width={Math.max(1, px(row.baseline.medianEnd) - x0)} height={h + 4} className="fill-slate-400/30 dark:fill-slate-400/25" />
          <line x1={px(row.baseline.medianEnd)} x2={px(row.baseline.p90End)} y1={mid} y2={mid} className="stroke-slate-500 dark:stroke-slate-400" />
          <line x1={px(row.baseline.p90End)} x2={px(row.baseline.p90End)} y1={top} y2={top + h} className="stroke-slate-500 dark:stroke-slate-400" />
        </g>
      )}
      <rect
        x={x0}
        y={top}
        width={w}
        height={h}
        rx={2}
        className={`${STATE_FILL[row.state]} ${row.running ? "opacity-80" : ""} ${selected ? "stroke-slate-900 stroke-2 dark:stroke-white" : ""} ${row.outlier ? "stroke-red-700 dark:stroke-red-300" : ""}`}
      />
      <text x={x0 + w + 4} y={mid} dominantBaseline="central" className="fill-slate-700 text-[11px] dark:fill-slate-200">
        {STATE_ICON[row.state]} {formatDuration(row.durationMs)}
        {row.outlier ? " ⚠ slow" : ""}
      </text>
    </g>
  );
}
