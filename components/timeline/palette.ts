import type { JobState } from "@/lib/domain/job-state";

/** Fill and icon per state; fills are mid-tones with dark text in light mode and light text in dark mode (AA both ways). */
export const BAR_STYLE: Record<JobState | "scheduled", { icon: string; fill: string }> = {
  queued: { icon: "◷", fill: "fill-slate-300 dark:fill-slate-600" },
  running: { icon: "▶", fill: "fill-sky-300 dark:fill-sky-700" },
  paused: { icon: "❚❚", fill: "fill-violet-300 dark:fill-violet-700" },
  aborting: { icon: "⏹", fill: "fill-amber-300 dark:fill-amber-700" },
  succeeded: { icon: "✓", fill: "fill-emerald-300 dark:fill-emerald-700" },
  partial: { icon: "◐", fill: "fill-yellow-300 dark:fill-yellow-700" },
  failed: { icon: "✕", fill: "fill-red-300 dark:fill-red-700" },
  aborted: { icon: "⊘", fill: "fill-orange-300 dark:fill-orange-700" },
  canceled: { icon: "⊘", fill: "fill-stone-300 dark:fill-stone-600" },
  scheduled: { icon: "⏲", fill: "fill-transparent" },
};
