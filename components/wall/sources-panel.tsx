import type { WallSource } from "@/lib/contracts/wall";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import { AutoScroll } from "./auto-scroll";
import { formatAgeShort, isQuiet, panelFreshness } from "./freshness";
import { PANEL_TITLE } from "./panel-ids";
import { HATCH } from "./state-style";
import { agesFor, type WallContext } from "./wall-context";
import { WallPanel } from "./wall-panel";

type Health = "ok" | "error" | "quiet" | "disabled";

const HEALTH: Record<Health, { icon: string; word: string; className: string }> = {
  ok: { icon: "✓", word: "OK", className: "text-emerald-300" },
  error: { icon: "✕", word: "ERROR", className: "text-red-400" },
  quiet: { icon: "⚠", word: "QUIET", className: "text-amber-300" },
  disabled: { icon: "⏸", word: "DISABLED", className: "text-zinc-400" },
};

/** A source named after its vendor ("NetApp ONTAP (demo)") needs no vendor label: one line per source keeps every source on a 1080p wall. */
function namesVendor(source: WallSource): boolean {
  return source.name.toLowerCase().includes(VENDOR_LABEL[source.kind].toLowerCase());
}

function healthOf(source: WallSource, quiet: boolean): Health {
  if (!source.enabled) return "disabled";
  if (quiet) return "quiet";
  return source.consecutiveFailures > 0 ? "error" : "ok";
}

export function SourcesPanel({ sources, ctx }: { sources: WallSource[]; ctx: WallContext }) {
  const freshness = panelFreshness({
    dataAgeMs: ctx.dataAgeMs,
    streamOk: ctx.streamOk,
    sources: agesFor(ctx),
  });
  const healthy = sources.filter((s) => s.enabled && s.consecutiveFailures === 0).length;
  return (
    <WallPanel
      id="sources"
      title={PANEL_TITLE.sources}
      freshness={freshness}
      summary={`${healthy}/${sources.length} healthy`}
    >
      <AutoScroll>
        <ul>
          {sources.map((s) => {
            const age = ctx.sourceAges.get(s.id);
            const quiet = age ? isQuiet(age) : false;
            const health = HEALTH[healthOf(s, quiet)];
            return (
              <li
                key={s.id}
                className="border-b border-zinc-800/80 px-[0.7em] py-[0.35em]"
                style={quiet ? HATCH : undefined}
                data-testid="source-row"
                data-source-kind={s.kind}
                data-health={healthOf(s, quiet)}
                data-stale={quiet}
              >
                <div className="flex min-w-0 items-baseline gap-[0.5em]">
                  <span className={`w-[6.5em] shrink-0 font-bold ${health.className}`}>
                    <span aria-hidden>{health.icon} </span>
                    {health.word}
                  </span>
                  {/* "polled … ago" always shows whole: the vendor and running count give way first, then the name. */}
                  <span className="min-w-[4em] truncate font-semibold text-white">{s.name}</span>
                  <span className="min-w-0 shrink-[1000] truncate text-[0.75em] text-zinc-400">
                    {namesVendor(s) ? "" : `${VENDOR_LABEL[s.kind]} · `}
                    {s.runningJobs} running
                  </span>
                  <span
                    className="ml-auto shrink-0 text-[0.8em] whitespace-nowrap text-zinc-300"
                    data-testid="source-age"
                  >
                    {age?.ageMs === null || !age
                      ? "never polled"
                      : `polled ${formatAgeShort(age.ageMs)} ago`}
                  </span>
                </div>
                {s.lastError && s.consecutiveFailures > 0 ? (
                  <div className="truncate text-[0.75em] text-red-300">
                    {s.consecutiveFailures}× {s.lastError}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </AutoScroll>
    </WallPanel>
  );
}
