import type { WallFailure, WallIncident } from "@/lib/contracts/wall";
import { AutoScroll } from "./auto-scroll";
import { formatAgeShort, isQuiet, panelFreshness } from "./freshness";
import { PANEL_TITLE } from "./panel-ids";
import { HATCH } from "./state-style";
import { StateLabel } from "./state-label";
import { agesFor, shownBy, type WallContext } from "./wall-context";
import { WallPanel } from "./wall-panel";

interface Props {
  failures: WallFailure[];
  /** Unresolved alert incidents on the wall's sources (the same ones /incidents lists). */
  incidents: WallIncident[];
  pinnedIds: ReadonlySet<string>;
  acknowledged: ReadonlySet<string>;
  ctx: WallContext;
  onAcknowledge: () => void;
}

export function FailuresPanel({
  failures,
  incidents,
  pinnedIds,
  acknowledged,
  ctx,
  onAcknowledge,
}: Props) {
  const freshness = panelFreshness({
    dataAgeMs: ctx.dataAgeMs,
    streamOk: ctx.streamOk,
    sources: agesFor(ctx, shownBy(failures)),
  });
  const pinned = pinnedIds.size > 0;
  const banner = pinned ? (
    // A click anywhere on the banner also acknowledges: some wall screens are touch screens.
    <div
      className="bg-red-700 px-[0.7em] py-[0.3em] font-bold text-white"
      data-testid="pin-banner"
      onClick={onAcknowledge}
    >
      <span aria-hidden>⚠ </span>
      {pinnedIds.size} new {pinnedIds.size === 1 ? "failure" : "failures"} · rotation held · press A
      to acknowledge
    </div>
  ) : null;
  return (
    <WallPanel
      id="failures"
      title={PANEL_TITLE.failures}
      freshness={freshness}
      summary={`${failures.length}`}
      pinned={pinned}
      banner={banner}
    >
      <AutoScroll>
        {incidents
          .filter((i) => !i.jobId || !failures.some((f) => f.id === i.jobId))
          .map((i) => (
            <div
              key={i.id}
              data-testid="wall-incident"
              className="flex items-baseline gap-[0.5em] border-b border-zinc-800/80 px-[0.7em] py-[0.35em]"
            >
              <span
                className={`shrink-0 text-[0.75em] font-bold ${i.status === "open" ? "text-red-300" : "text-amber-300"}`}
              >
                {i.status === "open" ? "● INCIDENT" : "◐ ACKNOWLEDGED"}
              </span>
              <span className="truncate font-semibold text-white">{i.title}</span>
              <span className="ml-auto shrink-0 text-[0.8em] text-zinc-300">
                {formatAgeShort(ctx.serverNow - Date.parse(i.openedAt))} ago
              </span>
            </div>
          ))}
        {failures.length === 0 ? (
          <p className="p-[0.7em] text-zinc-400">No failures or aborts in the last 24 hours.</p>
        ) : null}
        <ul>
          {failures.map((f) => {
            const isPinned = pinnedIds.has(f.id);
            const age = ctx.sourceAges.get(f.sourceId);
            const quiet = age ? isQuiet(age) : false;
            const ended = f.endedAt ?? f.sortAt;
            return (
              <li
                key={f.id}
                className={`border-b border-zinc-800/80 px-[0.7em] py-[0.35em] ${isPinned ? "bg-red-950" : ""} ${quiet ? "opacity-50" : ""}`}
                style={quiet ? HATCH : undefined}
                data-testid="failure-row"
                data-job-id={f.id}
                data-pinned={isPinned}
              >
                <div className="flex items-baseline gap-[0.5em]">
                  <StateLabel state={f.state} className="shrink-0 text-[0.75em]" />
                  <span className="truncate font-semibold text-white">{f.name}</span>
                  <span className="ml-auto shrink-0 text-[0.8em] text-zinc-300">
                    {formatAgeShort(ctx.serverNow - Date.parse(ended))} ago
                  </span>
                </div>
                <div className="flex gap-[0.5em] text-[0.75em] text-zinc-400">
                  <span className="truncate">
                    {f.sourceName}
                    {f.message ? ` · ${f.message}` : ""}
                  </span>
                  {f.recoveredAt ? (
                    <span className="ml-auto shrink-0 text-emerald-300">
                      ✓ cleared by a later run
                    </span>
                  ) : null}
                  {!f.recoveredAt && f.incident?.status === "acknowledged" ? (
                    <span className="ml-auto shrink-0 text-zinc-300">
                      ✓ acknowledged by {f.incident.acknowledgedBy}
                    </span>
                  ) : null}
                  {!f.recoveredAt &&
                  f.incident?.status !== "acknowledged" &&
                  acknowledged.has(f.id) ? (
                    <span className="ml-auto shrink-0 text-zinc-300">✓ acknowledged</span>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      </AutoScroll>
    </WallPanel>
  );
}
