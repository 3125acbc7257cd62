import type { JobState } from "@/lib/domain/job-state";

/** Icon and text sit beside every bar, so state never depends on telling the fills apart. */
export const STATE_ICON: Record<JobState, string> = {
  queued: "◷",
  running: "▶",
  paused: "❚❚",
  aborting: "⏹",
  succeeded: "✓",
  partial: "◐",
  failed: "✕",
  aborted: "⊘",
  canceled: "⊘",
};

/** SVG fills, darker on light backgrounds and lighter on dark ones, for contrast in both themes. */
export const STATE_FILL: Record<JobState, string> = {
  queued: "fill-slate-400 dark:fill-slate-500",
  running: "fill-sky-600 dark:fill-sky-400",
  paused: "fill-violet-600 dark:fill-violet-400",
  aborting: "fill-amber-600 dark:fill-amber-400",
  succeeded: "fill-emerald-600 dark:fill-emerald-400",
  partial: "fill-yellow-600 dark:fill-yellow-400",
  failed: "fill-red-600 dark:fill-red-400",
  aborted: "fill-orange-600 dark:fill-orange-400",
  canceled: "fill-stone-500 dark:fill-stone-400",
};

export const ROW_HEIGHT = 24;
export const AXIS_HEIGHT = 28;
