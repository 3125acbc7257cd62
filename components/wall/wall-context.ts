import type { SourceAge } from "./freshness";

/** What every panel needs to say how fresh it is, computed once per tick by the screen. */
export interface WallContext {
  /** Now on the server's clock (the screen's clock corrected by the last read). */
  serverNow: number;
  zone: string | null;
  streamOk: boolean;
  dataAgeMs: number;
  sourceAges: Map<string, SourceAge>;
}

/** A quiet source makes stale the panels that show its data, and the sources panel. */
export function shownBy(items: ReadonlyArray<{ sourceId: string }>): (sourceId: string) => boolean {
  const ids = new Set(items.map((i) => i.sourceId));
  return (id) => ids.has(id);
}

export function agesFor(
  ctx: WallContext,
  filter: (sourceId: string) => boolean = () => true,
): SourceAge[] {
  return [...ctx.sourceAges.entries()].filter(([id]) => filter(id)).map(([, age]) => age);
}
