import { WALL_PANELS, type WallConfig, type WallPanelId } from "@/components/wall/panel-ids";

type Params = Record<string, string | string[] | undefined>;

const DEFAULT_ROTATE_S = 30;
const MIN_ROTATE_S = 5;
const MAX_ROTATE_S = 3600;
const DEFAULT_HOURS = 6;

const all = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];
const csv = (v: string | string[] | undefined): string[] =>
  all(v)
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
const isPanel = (v: string): v is WallPanelId => (WALL_PANELS as readonly string[]).includes(v);

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function panelList(raw: string[], warnings: string[]): WallPanelId[] {
  const out: WallPanelId[] = [];
  for (const name of raw.map((r) => r.toLowerCase())) {
    if (!isPanel(name)) warnings.push(`unknown panel "${name}"`);
    else if (!out.includes(name)) out.push(name);
  }
  return out;
}

function intParam(
  raw: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
  warnings: string[],
): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    warnings.push(`${name} must be a whole number from ${min} to ${max}`);
    return fallback;
  }
  return n;
}

/**
 * `/wall?set=running,failures&set=sources,dr,timeline&rotate=20&sources=ontap,eyeglass&zone=Europe/London&hours=6&title=NOC+1`.
 * `panels=` picks panels for a single set; `rotate=0` holds the first set. Bad values fall back
 * to defaults with a warning rather than a blank screen.
 */
export function parseWallConfig(params: Params): WallConfig {
  const warnings: string[] = [];
  const explicitSets = all(params.set)
    .map((s) => panelList(csv(s), warnings))
    .filter((s) => s.length > 0);
  const panels = panelList(csv(params.panels), warnings);
  const sets =
    explicitSets.length > 0 ? explicitSets : [panels.length > 0 ? panels : [...WALL_PANELS]];
  const rotateRaw = all(params.rotate)[0];
  const rotate =
    rotateRaw === "0"
      ? 0
      : intParam(rotateRaw, "rotate", DEFAULT_ROTATE_S, MIN_ROTATE_S, MAX_ROTATE_S, warnings);
  const zoneRaw = all(params.zone)[0]?.trim();
  let zone: string | null = null;
  if (zoneRaw) {
    if (isTimeZone(zoneRaw)) zone = zoneRaw;
    else warnings.push(`unknown time zone "${zoneRaw}"`);
  }
  const title = all(params.title)[0]?.trim().slice(0, 80) || null;
  return {
    sets,
    rotateSeconds: sets.length > 1 ? rotate : 0,
    sources: csv(params.sources),
    zone,
    timelineHours: intParam(all(params.hours)[0], "hours", DEFAULT_HOURS, 1, 48, warnings),
    title,
    warnings,
  };
}

/** The wall's own URL without the display token: where a token sign-in sends the screen back to. */
export function wallPathWithout(params: Params, drop: string): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === drop) continue;
    for (const v of all(value)) search.append(key, v);
  }
  const qs = search.toString();
  return qs ? `/wall?${qs}` : "/wall";
}
