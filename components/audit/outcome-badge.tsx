import type { ActionStatus } from "@/lib/domain/action-status";

const STYLE: Record<ActionStatus, { icon: string; className: string }> = {
  pending: { icon: "◷", className: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100" },
  succeeded: { icon: "✓", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100" },
  refused: { icon: "⊘", className: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100" },
  failed: { icon: "✕", className: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100" },
  unknown: { icon: "?", className: "bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-100" },
};

export function OutcomeBadge({ status }: { status: ActionStatus }) {
  const s = STYLE[status];
  return (
    <span data-testid="audit-outcome" data-status={status} className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ${s.className}`}>
      <span aria-hidden>{s.icon}</span>
      {status}
    </span>
  );
}
