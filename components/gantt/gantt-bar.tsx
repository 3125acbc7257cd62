import { formatDuration } from "@/lib/domain/durations";
import type { GanttRow } from "./build-gantt-rows";
import { STATE_FILL, STATE_ICON } from "./gantt-style";

interface Props {
  row: GanttRow;
  /** Axis units to pixels in this row's SVG. */
  px: (u: number) => number;
  height: number;
  selected: boolean;
  onPick: (key: string) => void;
  onHover: (row: GanttRow | null, x: number) => void;
}

const BAR = 14;

/** One phase: the faint median bar and p90 whisker of past runs behind it, the phase, then its icon and duration. */
export function GanttBar({ row, px, height, selected, onPick, onHover }: Props) {
  if (!row.span) return null;
  const top = (height - BAR) / 2;
  const mid = height / 2;
  const x0 = px(row.span[0]);
  const w = Math.max(2, px(row.span[1]) - x0);
  return (
    <g
      data-testid="gantt-bar"
      data-key={row.key}
      data-state={row.state}
      data-running={row.running}
      data-duration-ms={row.durationMs ?? ""}
      data-outlier={row.outlier}
      onClick={() => onPick(row.key)}
      onMouseEnter={() => onHover(row, x0 + w)}
      onMouseLeave={() => onHover(null, 0)}
      className="cursor-pointer"
    >
      {row.baseline && (
        <g data-testid="gantt-baseline" aria-hidden>
          <rect
            x={x0}
            y={top - 3}
            width={Math.max(1, px(row.baseline.medianEnd) - x0)}
            height={BAR + 6}
            className="fill-slate-400/30 dark:fill-slate-400/25"
          />
          <line
            x1={px(row.baseline.medianEnd)}
            x2={px(row.baseline.p90End)}
            y1={mid}
            y2={mid}
            className="stroke-slate-500 dark:stroke-slate-400"
          />
          <line
            x1={px(row.baseline.p90End)}
            x2={px(row.baseline.p90End)}
            y1={top}
            y2={top + BAR}
            className="stroke-slate-500 dark:stroke-slate-400"
          />
        </g>
      )}
      <rect
        x={x0}
        y={top}
        width={w}
        height={BAR}
        rx={2}
        className={`${STATE_FILL[row.state]} ${row.running ? "opacity-80" : ""} ${selected ? "stroke-slate-900 stroke-2 dark:stroke-white" : ""} ${row.outlier ? "stroke-red-700 dark:stroke-red-300" : ""}`}
      />
      <text
        x={x0 + w + 4}
        y={mid}
        dominantBaseline="central"
        className="fill-slate-700 text-[11px] dark:fill-slate-200"
      >
        {STATE_ICON[row.state]} {formatDuration(row.durationMs)}
        {row.outlier ? " ⚠ slow" : ""}
      </text>
    </g>
  );
}
