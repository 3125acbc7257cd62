import type { GroupRow, RtoTargetsView } from "@/lib/contracts/history";

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

/** One row per DR group the history knows or a target names, sorted by name. */
export function targetRows(groups: readonly GroupRow[], targets: RtoTargetsView["items"]): TargetRow[] {
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
        perSource: targets.filter((t) => t.group === group && t.sourceId !== null).map((t) => ({ sourceName: t.sourceName ?? "a source", targetMs: t.targetMs })),
        met: figures?.metTarget ?? 0,
        missed: figures?.missedTarget ?? 0,
      };
    });
}

/** Minutes typed on screen to the API's milliseconds; null when it is not a whole number of minutes from 1 to 30 days. */
export function parseTargetMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const minutes = Number(trimmed);
  if (minutes < 1 || minutes > 30 * 24 * 60) return null;
  return minutes * 60_000;
}
