import { JOB_SORT_KEYS } from "@/lib/contracts/jobs";
import { JOB_STATES, type JobState } from "@/lib/domain/job-state";
import { SOURCE_KINDS, type SourceKind } from "@/lib/domain/source-kind";

export type JobSortKey = (typeof JOB_SORT_KEYS)[number];
export const RANGES = ["1h", "24h", "7d", "30d", "90d", "365d", "today"] as const;
export type RangePreset = (typeof RANGES)[number];

/** The explorer's whole view, as the URL carries it (so it can be shared, bookmarked, reloaded). */
export interface ExplorerView {
  kinds: SourceKind[];
  states: JobState[];
  sources: string[];
  types: string[];
  q: string;
  range: RangePreset | null;
  from: string | null;
  to: string | null;
  sort: JobSortKey;
  order: "asc" | "desc";
  cursor: string | null;
  selected: string[];
}

const RANGE_MS: Record<Exclude<RangePreset, "today">, number> = {
  "1h": 3600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
  "90d": 90 * 86_400_000,
  "365d": 365 * 86_400_000,
};

const listOf = (p: URLSearchParams, key: string) =>
  p
    .getAll(key)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
const oneOf = <T extends string>(values: readonly T[], v: string | null): v is T =>
  v !== null && (values as readonly string[]).includes(v);

export function parseExplorerView(p: URLSearchParams): ExplorerView {
  const range = p.get("range");
  const sort = p.get("sort");
  return {
    kinds: listOf(p, "kind").filter((k): k is SourceKind => oneOf(SOURCE_KINDS, k)),
    states: listOf(p, "state").filter((s): s is JobState => oneOf(JOB_STATES, s)),
    sources: listOf(p, "source"),
    types: listOf(p, "type"),
    q: p.get("q") ?? "",
    range: oneOf(RANGES, range) ? range : null,
    from: p.get("from"),
    to: p.get("to"),
    sort: oneOf(JOB_SORT_KEYS, sort) ? sort : "started",
    order: p.get("order") === "asc" ? "asc" : "desc",
    cursor: p.get("cursor"),
    selected: listOf(p, "sel"),
  };
}

/** The URL form of a view; defaults are left out so equal views have equal URLs. */
export function explorerSearch(v: ExplorerView): string {
  const p = new URLSearchParams();
  if (v.kinds.length) p.set("kind", v.kinds.join(","));
  if (v.states.length) p.set("state", v.states.join(","));
  if (v.sources.length) p.set("source", v.sources.join(","));
  if (v.types.length) p.set("type", v.types.join(","));
  if (v.q) p.set("q", v.q);
  if (v.range) p.set("range", v.range);
  else {
    if (v.from) p.set("from", v.from);
    if (v.to) p.set("to", v.to);
  }
  if (v.sort !== "started") p.set("sort", v.sort);
  if (v.order !== "desc") p.set("order", v.order);
  if (v.cursor) p.set("cursor", v.cursor);
  if (v.selected.length) p.set("sel", v.selected.join(","));
  return p.toString();
}

/** Changing what is shown starts again at the first page with nothing selected. */
export function withFilters(
  v: ExplorerView,
  change: Partial<Omit<ExplorerView, "cursor" | "selected">>,
): ExplorerView {
  return { ...v, ...change, cursor: null, selected: [] };
}

/** Start of the range at `now`, to the minute so the query (and its cache key) holds still between renders. */
export function rangeStart(range: RangePreset, now: Date): Date {
  if (range === "today") {
    const d = new Date(now);
    d.setHours(0, 0, 0, 0);
    return d;
  }
  return new Date(Math.floor((now.getTime() - RANGE_MS[range]) / 60_000) * 60_000);
}

/** The /api/jobs query for a view: relative ranges resolved, selection left out. `limit` omitted: the API default. */
export function jobsApiSearch(v: ExplorerView, now: Date): string {
  const from = v.range ? rangeStart(v.range, now).toISOString() : v.from;
  return explorerSearch({ ...v, range: null, from, to: v.range ? null : v.to, selected: [] });
}

/** The same view without paging, for the CSV export. */
export function exportSearch(v: ExplorerView, now: Date): string {
  return jobsApiSearch({ ...v, cursor: null }, now);
}

export interface QuickChip {
  id: "running" | "failed-today" | "aborting";
  label: string;
  apply: Partial<ExplorerView>;
}

export const QUICK_CHIPS: QuickChip[] = [
  {
    id: "running",
    label: "Running",
    apply: { states: ["running"], range: null, from: null, to: null },
  },
  {
    id: "failed-today",
    label: "Failed today",
    apply: { states: ["failed"], range: "today", from: null, to: null },
  },
  {
    id: "aborting",
    label: "Aborting",
    apply: { states: ["aborting"], range: null, from: null, to: null },
  },
];

export function chipActive(v: ExplorerView, chip: QuickChip): boolean {
  const states = chip.apply.states ?? [];
  return (
    v.states.length === states.length &&
    states.every((s) => v.states.includes(s)) &&
    v.range === (chip.apply.range ?? null)
  );
}
