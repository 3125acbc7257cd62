"use client";

import { useCallback, useMemo, useState } from "react";
import type { JobSummary, PhaseBaselineView, PhaseView } from "@/lib/contracts/jobs";
import { isTerminal } from "@/lib/domain/job-state";
import { useNow } from "@/components/ui/use-now";
import { useUrlParam } from "@/components/job-page/use-url-param";
import { buildGanttRows } from "./build-gantt-rows";
import { toAxis } from "./gantt-axis";
import { GanttChart } from "./gantt-chart";
import { panView, visibleWindow, zoomView, type GanttView } from "./gantt-view";
import { PhaseDetail } from "./phase-detail";

const ms = (iso: string | null) => (iso ? Date.parse(iso) : null);
const btn =
  "rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 aria-pressed:bg-slate-200 dark:border-slate-600 dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-700";

/** The phase Gantt: state (collapse, zoom, axis, selection) around the pure row builder and chart. */
export function PhaseGantt({
  job,
  phases,
  baselines,
}: {
  job: JobSummary;
  phases: PhaseView[];
  baselines: Record<string, PhaseBaselineView> | undefined;
}) {
  // Queued jobs can already have running phases (Commvault reports pairs before the job): not only in-flight ones.
  const running = !isTerminal(job.state) && !job.goneAt;
  const now = useNow(running ? 1000 : 60_000);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [view, setView] = useState<GanttView>(null);
  const [selectedKey, setSelected] = useUrlParam("phase");
  const [axisParam, setAxisParam] = useUrlParam("axis");
  const mode = axisParam === "elapsed" ? "elapsed" : "wall";
  const model = useMemo(
    () =>
      buildGanttRows(phases, {
        now,
        jobStartMs: ms(job.startedAt),
        jobEndMs: ms(job.endedAt),
        collapsed,
        baselines,
      }),
    [phases, now, job.startedAt, job.endedAt, collapsed, baselines],
  );
  const extent = model.axis.extent;
  const window = useMemo(() => visibleWindow(view, extent), [view, extent]);
  const toggle = useCallback(
    (key: string) =>
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );
  const select = useCallback(
    (key: string) => setSelected(key === selectedKey ? null : key),
    [selectedKey, setSelected],
  );
  const parents = useMemo(
    () => new Set(phases.flatMap((p) => (p.parentKey ? [p.parentKey] : []))),
    [phases],
  );
  if (phases.length === 0)
    return (
      <p className="text-sm text-slate-500" data-testid="gantt-empty">
        The vendor reports no phases for this job.
      </p>
    );
  const selected = model.rows.find((r) => r.key === selectedKey);
  return (
    <section
      aria-label="Phases"
      className="space-y-2"
      data-testid="gantt"
      data-rows={model.rows.length}
      data-started={model.rows.filter((r) => r.span !== null).length}
    >
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Gantt controls">
        <h2 className="mr-2 text-sm font-semibold">
          Phases <span className="font-normal text-slate-500">({model.total})</span>
        </h2>
        <button
          type="button"
          className={btn}
          onClick={() => setView((v) => zoomView(v, extent, 0.5))}
          data-testid="gantt-zoom-in"
        >
          Zoom in
        </button>
        <button
          type="button"
          className={btn}
          onClick={() => setView((v) => zoomView(v, extent, 2))}
          disabled={view === null}
        >
          Zoom out
        </button>
        <button
          type="button"
          className={btn}
          onClick={() => setView((v) => panView(v, extent, -0.25))}
          disabled={view === null}
          aria-label="Pan earlier"
        >
          ◀
        </button>
        <button
          type="button"
          className={btn}
          onClick={() => setView((v) => panView(v, extent, 0.25))}
          disabled={view === null}
          aria-label="Pan later"
        >
          ▶
        </button>
        <button
          type="button"
          className={btn}
          onClick={() => setView(null)}
          disabled={view === null}
        >
          Whole run
        </button>
        <span className="ml-2 text-xs text-slate-500">Axis:</span>
        <button
          type="button"
          className={btn}
          aria-pressed={mode === "wall"}
          onClick={() => setAxisParam(null)}
        >
          Clock time
        </button>
        <button
          type="button"
          className={btn}
          aria-pressed={mode === "elapsed"}
          onClick={() => setAxisParam("elapsed")}
          data-testid="gantt-axis-elapsed"
        >
          Elapsed
        </button>
        {parents.size > 0 && (
          <>
            <button type="button" className={btn} onClick={() => setCollapsed(new Set())}>
              Expand all
            </button>
            <button type="button" className={btn} onClick={() => setCollapsed(new Set(parents))}>
              Collapse all
            </button>
          </>
        )}
      </div>
      <GanttChart
        rows={model.rows}
        axis={model.axis}
        window={window}
        mode={mode}
        nowAt={running ? toAxis(model.axis, now) : null}
        selectedKey={selectedKey}
        onSelect={select}
        onToggle={toggle}
      />
      <p className="text-xs text-slate-500">
        Faint bars: median of past successful runs; whisker: their p90. ⚠ marks a phase slower than
        usual.
      </p>
      {selected && <PhaseDetail row={selected} onClose={() => setSelected(null)} />}
    </section>
  );
}
