import type { JobState } from "@/lib/domain/job-state";

/** Icon, word and colour for each state, chosen for contrast on the wall's black background. */
export const WALL_STATE: Record<
  JobState,
  { icon: string; word: string; text: string; bar: string }
> = {
  queued: { icon: "◷", word: "queued", text: "text-slate-300", bar: "bg-slate-400" },
  running: { icon: "▶", word: "running", text: "text-sky-300", bar: "bg-sky-400" },
  paused: { icon: "❚❚", word: "paused", text: "text-violet-300", bar: "bg-violet-400" },
  aborting: { icon: "⏹", word: "aborting", text: "text-amber-300", bar: "bg-amber-400" },
  succeeded: { icon: "✓", word: "succeeded", text: "text-emerald-300", bar: "bg-emerald-500" },
  partial: { icon: "◐", word: "partial", text: "text-yellow-300", bar: "bg-yellow-400" },
  failed: { icon: "✕", word: "failed", text: "text-red-400", bar: "bg-red-500" },
  aborted: { icon: "⊘", word: "aborted", text: "text-orange-300", bar: "bg-orange-500" },
  canceled: { icon: "⊘", word: "canceled", text: "text-stone-300", bar: "bg-stone-400" },
};

/** Diagonal stripes: stale data must look different even on a greyscale or colour-blind view. */
export const HATCH = {
  backgroundImage:
    "repeating-linear-gradient(135deg, rgba(251, 191, 36, 0.16) 0 0.45em, transparent 0.45em 0.9em)",
} as const;
