"use client";

import { useEffect, useMemo } from "react";
import { ApiError } from "@/components/api/api-fetch";
import { streamTrusted, type SourceAge } from "./freshness";
import { gridFor } from "./grid-layout";
import type { WallConfig, WallPanelId } from "./panel-ids";
import { visibleSet } from "./rotation";
import { useFailurePins } from "./use-failure-pins";
import { useScreenClock } from "./use-screen-clock";
import { usePortrait } from "./use-portrait";
import { useStreamView } from "./use-stream-view";
import { useWallSnapshot } from "./use-wall-snapshot";
import { listTopic, useStreamTopic } from "@/components/live/stream-topic";
import { WallClock } from "./wall-clock";
import type { WallContext } from "./wall-context";
import { WallPanels } from "./wall-panels";

// Sized from the viewport so 1080p and 4K show the same layout, 4K at twice the type.
const ROOT_FONT = "max(14px, min(1.1vw, 2vh))";

export function WallScreen({ config }: { config: WallConfig }) {
  const clock = useScreenClock();
  const now = clock?.now ?? null;
  const stream = useStreamView();
  const portrait = usePortrait();
  const search = useMemo(() => {
    const p = new URLSearchParams({ hours: String(config.timelineHours) });
    if (config.sources.length) p.set("sources", config.sources.join(","));
    return p.toString();
  }, [config.sources, config.timelineHours]);
  const { query, serverOffsetMs, syncedAt } = useWallSnapshot(search);
  // A wall limited to some sources hears only their changes; an estate-wide wall hears every change.
  const sourceIds = config.sources.length
    ? (query.data?.sources.map((s) => s.id) ?? []).slice(0, 50)
    : [];
  useStreamTopic(listTopic({ sources: sourceIds }));
  const snapshot = query.data;
  const serverNow =
    snapshot && now !== null && serverOffsetMs !== null ? now - serverOffsetMs : null;
  const { pinned, acknowledged, acknowledge } = useFailurePins(snapshot?.failures ?? null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "a" || e.key === "A") acknowledge();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [acknowledge]);

  const ctx: WallContext | null = useMemo(() => {
    if (!snapshot || now === null || serverNow === null) return null;
    const readAgo = serverNow - Date.parse(snapshot.generatedAt);
    const sourceAges = new Map<string, SourceAge>(
      snapshot.sources.map((s) => [
        s.id,
        {
          name: s.name,
          ageMs: s.lastSuccessAgoMs === null ? null : s.lastSuccessAgoMs + readAgo,
          pollIntervalMs: s.pollIntervalMs,
          enabled: s.enabled,
          registeredAgeMs: s.registeredAgoMs + readAgo,
        },
      ]),
    );
    return {
      serverNow,
      zone: config.zone,
      streamOk: streamTrusted(stream, now, clock?.since ?? now),
      dataAgeMs: Math.max(0, now - (syncedAt ?? query.dataUpdatedAt)),
      sourceAges,
    };
  }, [snapshot, now, serverNow, config.zone, stream, syncedAt, query.dataUpdatedAt, clock?.since]);

  const elapsed = clock ? clock.now - clock.since : 0;
  const active = visibleSet(config.sets, config.rotateSeconds * 1000, elapsed, pinned.length > 0);
  const signedOut =
    query.error instanceof ApiError && (query.error.status === 401 || query.error.status === 403);

  return (
    <div
      className="dark fixed inset-0 flex flex-col overflow-hidden bg-black text-zinc-100"
      style={{ fontSize: ROOT_FONT }}
      data-testid="wall"
    >
      <header className="flex shrink-0 items-center gap-[1em] px-[0.8em] py-[0.3em]">
        <h1 className="text-[1.3em] font-extrabold tracking-tight text-white">
          {config.title ?? "Jobdeck"}
        </h1>
        <StreamBadge ok={ctx?.streamOk ?? false} />
        {config.sets.length > 1 ? (
          <span className="text-[0.8em] text-zinc-300" data-testid="set-indicator">
            {pinned.length > 0 ? "⏸ rotation held · " : ""}view {active + 1}/{config.sets.length}
          </span>
        ) : null}
        {config.warnings.length > 0 ? (
          <span className="truncate text-[0.7em] text-amber-300">
            URL: {config.warnings.join("; ")}
          </span>
        ) : null}
        <div className="ml-auto">
          {now !== null ? <WallClock now={now} zone={config.zone} /> : null}
        </div>
      </header>
      <main className="relative min-h-0 flex-1">
        {signedOut ? (
          <Notice text="This screen is no longer signed in: its display token was revoked. Open the wall link with a new token." />
        ) : !ctx || !snapshot ? (
          <Notice
            text={
              query.error
                ? `Cannot read wall data: ${query.error.message}. Retrying when the live feed speaks.`
                : "Loading…"
            }
          />
        ) : (
          config.sets.map((set, i) => (
            <SetGrid
              key={set.join(",")}
              set={set}
              active={i === active}
              portrait={portrait}
              snapshot={snapshot}
              ctx={ctx}
              pinned={pinned}
              acknowledged={acknowledged}
              onAcknowledge={acknowledge}
              hours={config.timelineHours}
            />
          ))
        )}
      </main>
    </div>
  );
}

function SetGrid({
  set,
  active,
  portrait,
  ...rest
}: { set: WallPanelId[]; active: boolean; portrait: boolean } & Omit<
  Parameters<typeof WallPanels>[0],
  "panels"
>) {
  const grid = gridFor(set, portrait);
  return (
    // Every set stays mounted and only visibility changes: rotation never reloads or flickers.
    <div
      className={`absolute inset-0 grid gap-[0.5em] p-[0.5em] pt-0 ${active ? "visible" : "invisible"}`}
      style={{
        gridTemplateAreas: grid.areas,
        gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`,
        gridTemplateRows: grid.rowSizes,
      }}
      aria-hidden={!active}
      data-testid="wall-set"
      data-active={active}
    >
      <WallPanels panels={set} {...rest} />
    </div>
  );
}

function StreamBadge({ ok }: { ok: boolean }) {
  return (
    <span
      className={`text-[0.85em] font-bold ${ok ? "text-emerald-300" : "text-amber-300"}`}
      data-testid="wall-stream"
      data-live={ok}
    >
      <span aria-hidden>{ok ? "● " : "⚠ "}</span>
      {ok ? "LIVE" : "NOT LIVE"}
    </span>
  );
}

function Notice({ text }: { text: string }) {
  return (
    <p className="p-[2em] text-[1.4em] text-zinc-200" data-testid="wall-notice">
      {text}
    </p>
  );
}
