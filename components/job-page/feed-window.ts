import type { EventView } from "@/lib/contracts/jobs";
import { SEVERITIES, type Severity } from "@/lib/domain/job-state";

const newestFirst = (a: EventView, b: EventView) =>
  Date.parse(b.at) - Date.parse(a.at) ||
  (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0);

/** The live head of the feed and older pages as one newest-first list, each event once. */
export function mergeEvents(head: readonly EventView[], older: readonly EventView[]): EventView[] {
  const byId = new Map<string, EventView>();
  for (const e of [...older, ...head]) byId.set(e.id, e);
  return [...byId.values()].sort(newestFirst);
}

/** "warning,error" from the URL; anything unknown is ignored, nothing means every severity. */
export function parseSeverities(param: string | null): Severity[] {
  const wanted = new Set((param ?? "").split(","));
  return SEVERITIES.filter((s) => wanted.has(s));
}

/**
 * While the reader is scrolled into the feed, events newer than the one they anchored on are held
 * back and counted instead of shifting the list under them.
 */
export function holdNewer(
  events: readonly EventView[],
  anchorId: string | null,
): { visible: EventView[]; newCount: number } {
  if (anchorId === null) return { visible: [...events], newCount: 0 };
  const anchor = BigInt(anchorId);
  const visible = events.filter((e) => BigInt(e.id) <= anchor);
  return { visible, newCount: events.length - visible.length };
}
