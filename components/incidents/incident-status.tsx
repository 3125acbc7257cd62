import type { IncidentStatus } from "@/lib/contracts/incidents";

const STYLE: Record<IncidentStatus, { icon: string; label: string; cls: string }> = {
  open: {
    icon: "●",
    label: "Open",
    cls: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  },
  acknowledged: {
    icon: "◐",
    label: "Acknowledged",
    cls: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  },
  resolved: {
    icon: "✓",
    label: "Resolved",
    cls: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  },
};

/** Status by icon and word as well as colour. */
export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  const s = STYLE[status];
  return (
    <span
      data-status={status}
      className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-medium ${s.cls}`}
    >
      <span aria-hidden>{s.icon}</span>
      {s.label}
    </span>
  );
}
