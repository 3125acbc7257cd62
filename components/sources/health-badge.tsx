import type { HealthStatus, SourceHealth } from "@/lib/contracts/sources";
import { Badge, type BadgeStyle } from "@/components/ui/badge";
import { formatDuration } from "./format-lag";

const STYLE: Record<HealthStatus, BadgeStyle & { label: string }> = {
  healthy: { icon: "✓", label: "healthy", tone: "emerald" },
  stale: { icon: "◷", label: "stale", tone: "amber" },
  failing: { icon: "✕", label: "failing", tone: "red" },
  waiting: { icon: "…", label: "not polled yet", tone: "slate" },
  disabled: { icon: "⏸", label: "disabled", tone: "stone" },
};

/** Icon and words as well as colour; the lag says how old the newest data is. */
export function HealthBadge({ health }: { health: SourceHealth }) {
  const s = STYLE[health.status];
  return (
    <span className="inline-flex flex-col gap-0.5">
      <Badge
        tone={s.tone}
        icon={s.icon}
        className="w-fit"
        data-testid="source-health"
        data-status={health.status}
      >
        {s.label}
      </Badge>
      {health.lagMs !== null && (
        <span className="text-xs text-slate-600 dark:text-slate-400">
          lag {formatDuration(health.lagMs)}
        </span>
      )}
    </span>
  );
}

export function InsecureBadge() {
  return (
    <Badge
      tone="amber"
      icon="⚠"
      data-testid="tls-insecure"
      title="TLS certificates are not verified for this source: anyone on the network path could impersonate the appliance."
    >
      TLS not verified
    </Badge>
  );
}
