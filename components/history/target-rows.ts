import type { GroupRow } from "@/lib/contracts/history";
import type { TargetsView } from "@/lib/contracts/history-targets";

export interface TargetRow {
  group: string;
  /** The estate-wide target's id and value; null when the group has none. */
  targetId: string | null;
  targetMs: number | null;
  /** Sources with a target of their own for this group (it beats the estate-wide one there). */
  perSource: Array<{ sourceName: string; targetMs: number }>;
  met: number;
  missed: number;
}

/** One row per DR group the history knows or a target names, sorted by name; met/missed from the RTO summary. */
export function targetRows(
  groups: readonly GroupRow[],
  targets: TargetsView["items"],
): TargetRow[] {
  const names = new Set([...groups.map((g) => g.group), ...targets.map((t) => t.group)]);
  return [...names]
    .sort((a, b) => a.localeCompare(b))
    .map((group) => {
      const figures = groups.find((g) => g.group === group);
      const shared = targets.find((t) => t.group === group && t.sourceId === null);
      return {
        group,
        targetId: shared?.id ?? null,
        targetMs: shared?.targetMs ?? null,
        perSource: targets
          .filter((t) => t.group === group && t.sourceId !== null)
          .map((t) => ({ sourceName: t.sourceName ?? "a source", targetMs: t.targetMs })),
        met: figures?.metTarget ?? 0,
        missed: figures?.missedTarget ?? 0,
      };
    });
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const MAX_MS = 30 * 86_400_000;

/**
 * A target typed on screen to the API's milliseconds: a plain number is minutes ("15", "0.5"), or
 * parts with units ("90s", "1h 30m", "2d"). Null unless it comes to 1 second … 30 days.
 */
export function parseTargetDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) ms = Number(trimmed) * 60_000;
  else if (/^(\d+(\.\d+)?\s*[smhd]\s*)+$/.test(trimmed)) {
    ms = 0;
    for (const [, n, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)\s*([smhd])/g))
      ms += Number(n) * (UNIT_MS[unit ?? "m"] ?? 0);
  } else return null;
  const rounded = Math.round(ms / 1000) * 1000;
  return rounded >= 1000 && rounded <= MAX_MS ? rounded : null;
}
