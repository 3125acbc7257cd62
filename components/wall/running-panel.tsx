import type { WallRunningJob } from "@/lib/contracts/wall";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import { AutoScroll } from "./auto-scroll";
import { isQuiet, panelFreshness } from "./freshness";
import { PANEL_TITLE } from "./panel-ids";
import { etaView } from "./running-eta";
import { HATCH, WALL_STATE } from "./state-style";
import { StateLabel } from "./state-label";
import { agesFor, shownBy, type WallContext } from "./wall-context";
import { WallPanel } from "./wall-panel";

export function RunningPanel({
  jobs,
  queued,
  ctx,
}: {
  jobs: WallRunningJob[];
  queued: number;
  ctx: WallContext;
}) {
  const freshness = panelFreshness({
    dataAgeMs: ctx.dataAgeMs,
    streamOk: ctx.streamOk,
    sources: agesFor(ctx, shownBy(jobs)),
  });
  return (
    <WallPanel
      id="running"
      title={PANEL_TITLE.running}
      freshness={freshness}
      summary={`${jobs.length} running${queued ? ` · ${queued} queued` : ""}`}
    >
      <AutoScroll>
        {jobs.length === 0 ? <p className="p-[0.7em] text-zinc-400">Nothing running.</p> : null}
        <ul>
          {jobs.map((job) => {
            const age = ctx.sourceAges.get(job.sourceId);
            const quiet = age ? isQuiet(age) : false;
            const eta = etaView(job, ctx.serverNow);
            const pct = job.progress === null ? null : Math.max(0, Math.min(100, job.progress));
            return (
              <li
                key={job.id}
                className={`border-b border-zinc-800/80 px-[0.7em] py-[0.4em] ${quiet ? "opacity-50" : ""}`}
                style={quiet ? HATCH : undefined}
                data-testid="running-job"
                data-job-id={job.id}
                data-stale={quiet}
              >
                <div className="flex items-baseline gap-[0.5em]">
                  <StateLabel state={job.state} className="shrink-0 text-[0.75em]" />
                  <span className="truncate font-semibold text-white">{job.name}</span>
                  <span className="ml-auto shrink-0 text-[0.85em] text-zinc-300" data-testid="eta">
                    {eta.text}
                  </span>
                </div>
                <div className="mt-[0.25em] flex items-center gap-[0.5em]">
                  <div
                    className="h-[0.55em] flex-1 overflow-hidden rounded-full bg-zinc-800"
                    role="progressbar"
                    aria-label={`${job.name} progress`}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={pct ?? undefined}
                  >
                    {pct === null ? (
                      <div className="h-full w-full animate-pulse bg-zinc-700" />
                    ) : (
                      <div
                        className={`h-full ${WALL_STATE[job.state].bar}`}
                        style={{ width: `${pct}%` }}
                      />
                    )}
                  </div>
                  <span className="w-[3.2em] shrink-0 text-right font-mono text-[0.85em] text-zinc-200">
                    {pct === null ? "—" : `${Math.floor(pct)}%`}
                  </span>
                </div>
                <div className="truncate text-[0.75em] text-zinc-400">
                  {VENDOR_LABEL[job.kind]} · {job.sourceName}
                  {job.dataset ? ` · ${job.dataset}` : ""}
                </div>
              </li>
            );
          })}
        </ul>
      </AutoScroll>
    </WallPanel>
  );
}
