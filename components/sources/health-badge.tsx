import type { HealthStatus, SourceHealth } from "@/lib/contracts/sources";
import { formatDuration } from "./format-lag";

const STYLE: Record<HealthStatus, { icon: string; label: string; className: string }> = {
  healthy: { icon: "✓", label: "healthy", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100" },
  stale: { icon: "◷", label: "stale", className: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100" },
  failing: { icon: "✕", label: "failing", className: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100" },
  waiting: { icon: "…", label: "not polled yet", className: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100" },
  disabled: { icon: "⏸", label: "disabled", className: "bg-stone-200 text-stone-900 dark:bg-stone-700 dark:text-stone-100" },
};

/** Icon and words as well as colour; the lag says how old the newest data is. */
export function HealthBadge({ health }: { health: SourceHealth }) {
  const s = STYLE[health.status];
  return (
    <span className="inline-flex flex-col gap-0.5">
      <span data-testid="source-health" data-status={health.status} className={`inline-flex w-fit items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ${s.className}`}>
        <span aria-hidden>{s.icon}</span>
        {s.label}
      </span>
      {health.lagMs !== null && <span className="text-xs text-slate-600 dark:text-slate-400">lag {formatDuration(health.lagMs)}</span>}
    </span>
  );
}

export function InsecureBadge() {
  return (
    <span
      data-testid="tls-insecure"
      title="TLS certificates are not verified for this source: anyone on the network path could impersonate the appliance."
      className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100"
    >
      <span aria-hidden>⚠</span>TLS not verified
    </span>
  );
}
