import type { Outcome } from "@/lib/domain/rto";

const STYLE: Record<Outcome, { icon: string; className: string }> = {
  succeeded: { icon: "✓", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100" },
  partial: { icon: "◐", className: "bg-yellow-100 text-yellow-900 dark:bg-yellow-900 dark:text-yellow-100" },
  failed: { icon: "✕", className: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100" },
  running: { icon: "▶", className: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100" },
};

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const s = STYLE[outcome];
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ${s.className}`} data-testid="outcome" data-outcome={outcome}>
      <span aria-hidden>{s.icon}</span>
      {outcome}
    </span>
  );
}

/** Met or missed in words and a mark, so it survives greyscale print. */
/** ✓ met / ✕ missed; `testId` tells the RTO mark ("target") from the RPO one ("rpo-target"). */
export function TargetMark({ met, testId = "target" }: { met: boolean | null; testId?: string }) {
  if (met === null) return <span className="text-slate-500">not measured</span>;
  return met ? (
    <span className="text-emerald-800 dark:text-emerald-300" data-testid={`${testId}-met`}>✓ met</span>
  ) : (
    <span className="font-medium text-red-800 dark:text-red-300" data-testid={`${testId}-missed`}>✕ missed</span>
  );
}
