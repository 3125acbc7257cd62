import { formatTime } from "@/components/ui/format";
import { formatDuration } from "@/lib/domain/durations";
import type { GanttRow } from "./build-gantt-rows";
import { STATE_ICON } from "./gantt-style";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The selected phase in words: what the hover shows, kept on screen and reachable by keyboard. */
export function PhaseDetail({ row, onClose }: { row: GanttRow; onClose: () => void }) {
  return (
    <section
      aria-label="Selected phase"
      data-testid="phase-detail"
      className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700"
    >
      <div className="flex items-center gap-2">
        <h3 className="font-semibold">{row.name}</h3>
        {row.lane && <span className="text-slate-500">{row.lane}</span>}
        <span>
          <span aria-hidden>{STATE_ICON[row.state]}</span> {row.state}
          {row.vendorStatus ? ` (vendor: ${row.vendorStatus})` : ""}
        </span>
        <button
          type="button"
          onClick={onClose}
          className="ml-auto text-xs text-slate-500 hover:underline"
        >
          Close
        </button>
      </div>
      <p>
        {formatTime(iso(row.startMs))} → {row.running ? "running" : formatTime(iso(row.endMs))} ·{" "}
        {formatDuration(row.durationMs)}
        {row.baseline &&
          ` · usually ${formatDuration(row.baseline.medianMs)} (p90 ${formatDuration(row.baseline.p90Ms)})`}
        {row.outlier && (
          <strong className="text-red-700 dark:text-red-300"> ⚠ slower than usual</strong>
        )}
      </p>
      {row.message && <p className="mt-1 font-mono text-xs whitespace-pre-wrap">{row.message}</p>}
    </section>
  );
}
