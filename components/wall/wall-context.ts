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

export function agesFor(ctx: WallContext, filter: (sourceId: string) => boolean = () => true): SourceAge[] {
  return [...ctx.sourceAges.entries()].filter(([id]) => filter(id)).map(([, age]) => age);
}
