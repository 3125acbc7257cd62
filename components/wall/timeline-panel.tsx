import { useMemo, type ReactNode } from "react";
import type { WallSnapshot } from "@/lib/contracts/wall";
import { panelFreshness, isQuiet } from "./freshness";
import { PANEL_TITLE } from "./panel-ids";
import { HATCH, WALL_STATE } from "./state-style";
import { buildDensityLanes, type DensityLaneView } from "./density-strips";
import { buildWallTimeline } from "./timeline-rows";
import { agesFor, shownBy, type WallContext } from "./wall-context";
import { WallPanel } from "./wall-panel";
import { formatZoned } from "./zone-time";

/**
 * The compact cross-vendor timeline. Drawn as positioned boxes rather than Recharts: a lane holds
 * many jobs packed into rows, which Recharts' one-bar-per-category range bars cannot express
 * without a series per job; the layout itself is the tested buildWallTimeline.
 */
export function TimelinePanel({
  timeline,
  hours,
  ctx,
}: {
  timeline: WallSnapshot["timeline"];
  hours: number;
  ctx: WallContext;
}) {
  const model = useMemo(
    () => buildWallTimeline(timeline.jobs, Date.parse(timeline.from), Date.parse(timeline.to)),
    [timeline],
  );
  const density = useMemo(
    () =>
      timeline.density
        ? buildDensityLanes(timeline.density, Date.parse(timeline.from), Date.parse(timeline.to))
        : null,
    [timeline],
  );
  const shown = density
    ? density.flatMap((l) => (l.sourceId ? [{ sourceId: l.sourceId }] : []))
    : timeline.jobs;
  const freshness = panelFreshness({
    dataAgeMs: ctx.dataAgeMs,
    streamOk: ctx.streamOk,
    sources: agesFor(ctx, shownBy(shown)),
  });
  return (
    <WallPanel
      id="timeline"
      title={`${PANEL_TITLE.timeline} · last ${hours} h`}
      freshness={freshness}
      summary={
        timeline.density
          ? `${timeline.density.jobs} jobs · counts per ${sliceWords(timeline)}`
          : `${timeline.jobs.length} jobs`
      }
    >
      <div
        className="flex min-h-0 flex-1 flex-col px-[0.7em] py-[0.4em]"
        data-testid="wall-timeline"
      >
        <div className="flex min-h-0 flex-1 flex-col gap-[0.25em]">
          {density ? <DensityLanes lanes={density} ctx={ctx} /> : null}
          {model.lanes.map((lane) => (
            <LaneRow
              key={lane.sourceId}
              sourceId={lane.sourceId}
              label={lane.label}
              testId="timeline-lane"
              stripClass="flex flex-col gap-[2px]"
              ctx={ctx}
              trailing={lane.hidden ? `+${lane.hidden}` : ""}
            >
              {lane.rows.map((row, i) => (
                <div key={i} className="relative min-h-0 flex-1">
                  {row.map((bar) => (
                    <div
                      key={bar.id}
                      className={`absolute inset-y-0 rounded-[2px] ${WALL_STATE[bar.state].bar} ${bar.open ? "animate-pulse" : ""}`}
                      style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
                      title={`${bar.name}: ${WALL_STATE[bar.state].word}`}
                      data-state={bar.state}
                    />
                  ))}
                </div>
              ))}
            </LaneRow>
          ))}
        </div>
        <div className="flex gap-[0.5em]">
          <div aria-hidden className="w-[11em] shrink-0 text-[0.8em]" />
          <div className="relative h-[1.3em] flex-1 text-[0.75em] text-zinc-400">
            {model.ticks.map((t) => (
              <span key={t.at} className="absolute -translate-x-1/2" style={{ left: `${t.left}%` }}>
                {formatZoned(t.at, ctx.zone)}
              </span>
            ))}
          </div>
          <div aria-hidden className="w-[3em] shrink-0 text-[0.7em]" />
        </div>
        <div className="flex flex-wrap gap-x-[1em] text-[0.7em] text-zinc-300">
          {(["running", "succeeded", "partial", "failed", "aborted"] as const).map((s) => (
            <span key={s} className="inline-flex items-center gap-[0.3em]">
              <span
                aria-hidden
                className={`inline-block h-[0.7em] w-[1.4em] rounded-[2px] ${WALL_STATE[s].bar}`}
              />
              {WALL_STATE[s].icon} {WALL_STATE[s].word}
            </span>
          ))}
        </div>
      </div>
    </WallPanel>
  );
}

function sliceWords(timeline: WallSnapshot["timeline"]): string {
  const minutes = Math.round(
    (Date.parse(timeline.to) - Date.parse(timeline.from)) /
      60_000 /
      (timeline.density?.slices ?? 1),
  );
  return minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

/** One lane: the source's name, its strip (quiet sources hatched and dimmed), a trailing note. */
function LaneRow({
  sourceId,
  label,
  testId,
  stripClass,
  ctx,
  trailing,
  children,
}: {
  sourceId: string | null;
  label: string;
  testId: string;
  stripClass: string;
  ctx: WallContext;
  trailing: string;
  children: ReactNode;
}) {
  const age = sourceId ? ctx.sourceAges.get(sourceId) : undefined;
  const quiet = age ? isQuiet(age) : false;
  return (
    <div
      className={`flex min-h-0 flex-1 items-stretch gap-[0.5em] ${quiet ? "opacity-50" : ""}`}
      data-testid={testId}
    >
      <div className="flex w-[11em] shrink-0 items-center truncate text-[0.8em] text-zinc-300">
        {label}
      </div>
      <div
        className={`relative min-h-0 flex-1 rounded bg-zinc-900 ${stripClass}`}
        style={quiet ? HATCH : undefined}
      >
        {children}
      </div>
      <div className="w-[3em] shrink-0 self-center text-right text-[0.7em] text-zinc-400">
        {trailing}
      </div>
    </div>
  );
}

/**
 * More jobs than bars can show: each source's lane is a strip of slices shaded by how many jobs
 * overlap them, red where any failed, blue where any still runs; the tooltip carries the counts.
 */
function DensityLanes({ lanes, ctx }: { lanes: DensityLaneView[]; ctx: WallContext }) {
  return lanes.map((lane) => (
    <LaneRow
      key={lane.key}
      sourceId={lane.sourceId}
      label={lane.label}
      testId="timeline-density-lane"
      stripClass=""
      ctx={ctx}
      trailing=""
    >
      {lane.cells.map((c) => (
        <div
          key={c.slice}
          className={`absolute inset-y-0 ${WALL_STATE[c.tone].bar}`}
          style={{ left: `${c.left}%`, width: `${c.width}%`, opacity: c.opacity }}
          title={`${formatZoned(c.fromMs, ctx.zone)}–${formatZoned(c.toMs, ctx.zone)}: ${c.jobs} jobs${c.failed ? `, ${c.failed} failed` : ""}${c.running ? `, ${c.running} running` : ""}`}
          data-jobs={c.jobs}
          data-failed={c.failed}
        />
      ))}
    </LaneRow>
  ));
}
