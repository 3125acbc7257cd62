import type { WallReadiness } from "@/lib/contracts/wall";
import type { JobState } from "@/lib/domain/job-state";
import { AutoScroll } from "./auto-scroll";
import { formatAgeShort, isQuiet, panelFreshness } from "./freshness";
import { PANEL_TITLE } from "./panel-ids";
import { HATCH } from "./state-style";
import { agesFor, type WallContext } from "./wall-context";
import { WallPanel } from "./wall-panel";

/** Readiness in DR words: a zone is ready to fail over, ready with warnings, or not ready. */
function verdict(state: JobState): { icon: string; word: string; className: string } {
  if (state === "succeeded") return { icon: "✓", word: "READY", className: "text-emerald-300" };
  if (state === "partial") return { icon: "◐", word: "WARNINGS", className: "text-yellow-300" };
  if (state === "failed" || state === "aborted")
    return { icon: "✕", word: "NOT READY", className: "text-red-400" };
  return { icon: "?", word: "UNKNOWN", className: "text-zinc-300" };
}

export function ReadinessPanel({
  zones,
  eyeglassSourceIds,
  ctx,
}: {
  zones: WallReadiness[];
  eyeglassSourceIds: ReadonlySet<string>;
  ctx: WallContext;
}) {
  const freshness = panelFreshness({
    dataAgeMs: ctx.dataAgeMs,
    streamOk: ctx.streamOk,
    sources: agesFor(ctx, (id) => eyeglassSourceIds.has(id)),
  });
  const ready = zones.filter((z) => z.state === "succeeded").length;
  return (
    <WallPanel
      id="dr"
      title={PANEL_TITLE.dr}
      freshness={freshness}
      summary={`${ready}/${zones.length} ready`}
    >
      <AutoScroll>
        {zones.length === 0 ? (
          <p className="p-[0.7em] text-zinc-400">No Eyeglass readiness results yet.</p>
        ) : null}
        <ul>
          {zones.map((z) => {
            const v = verdict(z.state);
            const age = ctx.sourceAges.get(z.sourceId);
            const quiet = age ? isQuiet(age) : false;
            return (
              <li
                key={`${z.sourceId}:${z.zone}`}
                className={`border-b border-zinc-800/80 px-[0.7em] py-[0.35em] ${quiet ? "opacity-50" : ""}`}
                style={quiet ? HATCH : undefined}
                data-testid="readiness-zone"
                data-state={z.state}
              >
                <div className="flex items-baseline gap-[0.5em]">
                  <span className={`w-[7.5em] shrink-0 font-bold ${v.className}`}>
                    <span aria-hidden>{v.icon} </span>
                    {v.word}
                  </span>
                  <span className="truncate font-semibold text-white">{z.zone}</span>
                  <span className="ml-auto shrink-0 text-[0.8em] text-zinc-300">
                    {z.checkedAt
                      ? `checked ${formatAgeShort(ctx.serverNow - Date.parse(z.checkedAt))} ago`
                      : ""}
                  </span>
                </div>
                <div className="truncate text-[0.75em] text-zinc-400">
                  {z.sourceName}
                  {z.problems.length > 0
                    ? ` · ${z.problems
                        .slice(0, 3)
                        .map((p) => `${p.name} ${p.vendorStatus ?? p.state}`)
                        .join(", ")}${z.problems.length > 3 ? ` +${z.problems.length - 3}` : ""}`
                    : ""}
                </div>
              </li>
            );
          })}
        </ul>
      </AutoScroll>
    </WallPanel>
  );
}
