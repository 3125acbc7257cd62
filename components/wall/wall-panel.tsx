import type { ReactNode } from "react";
import type { PanelFreshness } from "./freshness";
import type { WallPanelId } from "./panel-ids";
import { HATCH } from "./state-style";

interface Props {
  id: WallPanelId;
  title: string;
  freshness: PanelFreshness;
  /** A count or summary beside the title. */
  summary?: ReactNode;
  pinned?: boolean;
  banner?: ReactNode;
  children: ReactNode;
}

/**
 * A wall panel's frame. It always says how old its data is; stale data is dimmed, hatched and
 * labelled in words. A stream outage dims the whole panel; a quiet source marks the header (its
 * rows are marked where they are drawn).
 */
export function WallPanel({
  id,
  title,
  freshness,
  summary,
  pinned = false,
  banner,
  children,
}: Props) {
  const whole = freshness.reason === "stream";
  return (
    <section
      style={{ gridArea: id }}
      className={`relative flex min-h-0 min-w-0 flex-col overflow-hidden rounded-[0.4em] border-2 bg-zinc-950 ${
        pinned ? "border-red-500" : freshness.stale ? "border-amber-400" : "border-zinc-800"
      }`}
      data-testid="wall-panel"
      data-panel={id}
      data-stale={freshness.stale}
      data-stale-reason={freshness.reason ?? ""}
      data-pinned={pinned}
      aria-label={title}
    >
      <header
        className="flex items-baseline gap-[0.6em] border-b border-zinc-800 px-[0.7em] py-[0.35em]"
        style={freshness.stale ? HATCH : undefined}
      >
        <h2 className="shrink-0 text-[1.15em] font-bold tracking-tight text-white">{title}</h2>
        {summary ? <span className="shrink-0 text-zinc-300">{summary}</span> : null}
        <span
          className={`ml-auto min-w-0 truncate text-right text-[0.85em] ${freshness.stale ? "font-bold text-amber-300" : "text-zinc-400"}`}
          title={freshness.label}
          data-testid="panel-age"
        >
          {freshness.stale ? <span aria-hidden>⚠ </span> : null}
          {freshness.stale ? `STALE · ${freshness.label}` : freshness.label}
        </span>
      </header>
      {banner}
      <div className={`flex min-h-0 flex-1 flex-col ${whole ? "opacity-45 grayscale" : ""}`}>
        {children}
      </div>
      {whole ? (
        <div aria-hidden className="pointer-events-none absolute inset-0" style={HATCH} />
      ) : null}
    </section>
  );
}
