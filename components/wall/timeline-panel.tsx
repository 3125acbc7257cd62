import { useMemo } from "react";
import type { WallSnapshot } from "@/lib/contracts/wall";
import { panelFreshness, isQuiet } from "./freshness";
import { PANEL_TITLE } from "./panel-ids";
import { HATCH, WALL_STATE } from "./state-style";
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
  const freshness = panelFreshness({
    dataAgeMs: ctx.dataAgeMs,
    streamOk: ctx.streamOk,
    sources: agesFor(ctx, shownBy(timeline.jobs)),
  });
  const model = useMemo(
    () => buildWallTimeline(timeline.jobs, Date.parse(timeline.from), Date.parse(timeline.to)),
    [timeline],
  );
  return (
    <WallPanel
      id="timeline"
      title={`${PANEL_TITLE.timeline} · last ${hours} h`}
      freshness={freshness}
      summary={`${timeline.jobs.length} jobs`}
    >
      <div
        className="flex min-h-0 flex-1 flex-col px-[0.7em] py-[0.4em]"
        data-testid="wall-timeline"
      >
        <div className="flex min-h-0 flex-1 flex-col gap-[0.25em]">
          {model.lanes.map((lane) => {
            const age = ctx.sourceAges.get(lane.sourceId);
            const quiet = age ? isQuiet(age) : false;
            return (
              <div
                key={lane.sourceId}
                className={`flex min-h-0 flex-1 items-stretch gap-[0.5em] ${quiet ? "opacity-50" : ""}`}
                data-testid="timeline-lane"
              >
                <div className="flex w-[11em] shrink-0 items-center truncate text-[0.8em] text-zinc-300">
                  {lane.label}
                </div>
                <div
                  className="relative flex min-h-0 flex-1 flex-col gap-[2px] rounded bg-zinc-900"
                  style={quiet ? HATCH : undefined}
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
                </div>
                <div className="w-[3em] shrink-0 self-center text-right text-[0.7em] text-zinc-400">
                  {lane.hidden ? `+${lane.hidden}` : ""}
                </div>
              </div>
            );
          })}
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
