import type { JobState } from "@/lib/domain/job-state";

/** Icon and text as well as colour, so state reads without colour vision and on a greyscale print. */
const STYLE: Record<JobState, { icon: string; className: string }> = {
  queued: { icon: "◷", className: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100" },
  running: { icon: "▶", className: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100" },
  paused: { icon: "❚❚", className: "bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100" },
  aborting: { icon: "⏹", className: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100" },
  succeeded: { icon: "✓", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100" },
  partial: { icon: "◐", className: "bg-yellow-100 text-yellow-900 dark:bg-yellow-900 dark:text-yellow-100" },
  failed: { icon: "✕", className: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100" },
  aborted: { icon: "⊘", className: "bg-orange-100 text-orange-900 dark:bg-orange-900 dark:text-orange-100" },
  canceled: { icon: "⊘", className: "bg-stone-200 text-stone-900 dark:bg-stone-700 dark:text-stone-100" },
};

export function StateBadge({ state, vendorState }: { state: JobState; vendorState?: string }) {
  const s = STYLE[state];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ${s.className}`}
      data-testid="state-badge"
      data-state={state}
      title={vendorState ? `vendor state: ${vendorState}` : undefined}
    >
      <span aria-hidden>{s.icon}</span>
      {state}
    </span>
  );
}
