import { TIMELINE_GROUPS, type TimelineGroup } from "@/lib/contracts/explorer";
import { JOB_STATES, type JobState } from "@/lib/domain/job-state";
import { SOURCE_KINDS, type SourceKind } from "@/lib/domain/source-kind";

export const PRESETS = ["1h", "24h", "7d", "30d"] as const;
export type Preset = (typeof PRESETS)[number];
const PRESET_MS: Record<Preset, number> = {
  "1h": 3600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};

/** The timeline's view in the URL: a preset that follows the clock, or a fixed window after a zoom or pan. */
export interface TimelineView {
  preset: Preset | null;
  from: number | null;
  to: number | null;
  group: TimelineGroup;
  utc: boolean;
  kinds: SourceKind[];
  states: JobState[];
}

const listOf = (p: URLSearchParams, key: string) =>
  p
    .getAll(key)
    .flatMap((v) => v.split(","))
    .filter(Boolean);
const isOneOf = <T extends string>(values: readonly T[], v: string | null): v is T =>
  v !== null && (values as readonly string[]).includes(v);
const time = (v: string | null) => (v && !Number.isNaN(Date.parse(v)) ? Date.parse(v) : null);

export function parseTimelineView(p: URLSearchParams): TimelineView {
  const preset = p.get("range");
  const group = p.get("group");
  const from = time(p.get("from"));
  const to = time(p.get("to"));
  const fixed = from !== null && to !== null && from < to;
  return {
    preset: fixed ? null : isOneOf(PRESETS, preset) ? preset : "24h",
    from: fixed ? from : null,
    to: fixed ? to : null,
    group: isOneOf(TIMELINE_GROUPS, group) ? group : "source",
    utc: p.get("tz") === "utc",
    kinds: listOf(p, "kind").filter((k): k is SourceKind => isOneOf(SOURCE_KINDS, k)),
    states: listOf(p, "state").filter((s): s is JobState => isOneOf(JOB_STATES, s)),
  };
}

export function timelineSearch(v: TimelineView): string {
  const p = new URLSearchParams();
  if (v.from !== null && v.to !== null) {
    p.set("from", new Date(v.from).toISOString());
    p.set("to", new Date(v.to).toISOString());
  } else if (v.preset && v.preset !== "24h") p.set("range", v.preset);
  if (v.group !== "source") p.set("group", v.group);
  if (v.utc) p.set("tz", "utc");
  if (v.kinds.length) p.set("kind", v.kinds.join(","));
  if (v.states.length) p.set("state", v.states.join(","));
  return p.toString();
}

/**
 * The window on screen. A preset ends a quarter of its length after now, so the now-line and the
 * schedules just ahead are in view; it moves a minute at a time so the query holds still in between.
 */
export function timelineWindow(v: TimelineView, now: number): { from: number; to: number } {
  if (v.from !== null && v.to !== null) return { from: v.from, to: v.to };
  const span = PRESET_MS[v.preset ?? "24h"];
  const minute = Math.floor(now / 60_000) * 60_000;
  return { from: minute - span, to: minute + Math.ceil(span / 4 / 60_000) * 60_000 };
}

export function zoomTo(v: TimelineView, from: number, to: number): TimelineView {
  return {
    ...v,
    preset: null,
    from: Math.round(from),
    to: Math.round(Math.max(to, from + 60_000)),
  };
}

/** Pan by a fraction of the window (negative: back in time). */
export function pan(v: TimelineView, now: number, fraction: number): TimelineView {
  const w = timelineWindow(v, now);
  const d = (w.to - w.from) * fraction;
  return zoomTo(v, w.from + d, w.to + d);
}

export function zoomOut(v: TimelineView, now: number): TimelineView {
  const w = timelineWindow(v, now);
  const half = (w.to - w.from) / 2;
  return zoomTo(v, w.from - half, w.to + half);
}

/** The /api/timeline query for a window. */
export function timelineApiSearch(
  v: TimelineView,
  w: { from: number; to: number },
  buckets: number,
): string {
  const p = new URLSearchParams({
    from: new Date(w.from).toISOString(),
    to: new Date(w.to).toISOString(),
    group: v.group,
    buckets: String(buckets),
  });
  if (v.kinds.length) p.set("kind", v.kinds.join(","));
  if (v.states.length) p.set("state", v.states.join(","));
  return p.toString();
}
