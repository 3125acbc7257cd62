export const WALL_PANELS = ["running", "failures", "sources", "dr", "timeline"] as const;
export type WallPanelId = (typeof WALL_PANELS)[number];

export const PANEL_TITLE: Record<WallPanelId, string> = {
  running: "Running now",
  failures: "Failures and aborts · 24 h",
  sources: "Sources",
  dr: "DR readiness",
  timeline: "Timeline",
};

/** One screen's setup, all of it from the URL so one link per screen configures it. */
export interface WallConfig {
  /** Panel sets the screen rotates through; one set means no rotation. */
  sets: WallPanelId[][];
  rotateSeconds: number;
  /** Source ids, kinds or names; empty means all. */
  sources: string[];
  /** IANA time zone for the clock; null means the screen's own. */
  zone: string | null;
  timelineHours: number;
  title: string | null;
  /** What the URL asked for that the wall could not do, shown small so a bad link is noticed. */
  warnings: string[];
}
