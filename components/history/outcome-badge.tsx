import { Badge, type BadgeStyle } from "@/components/ui/badge";
import type { Outcome } from "@/lib/domain/rto";

const STYLE: Record<Outcome, BadgeStyle> = {
  succeeded: { icon: "✓", tone: "emerald" },
  partial: { icon: "◐", tone: "yellow" },
  failed: { icon: "✕", tone: "red" },
  running: { icon: "▶", tone: "sky" },
};

/** How a failover, test or restore run ended. */
export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  return (
    <Badge {...STYLE[outcome]} data-testid="outcome" data-outcome={outcome}>
      {outcome}
    </Badge>
  );
}

/** Met or missed in words and a mark, so it survives greyscale print. */
/** ✓ met / ✕ missed; `testId` tells the RTO mark ("target") from the RPO one ("rpo-target"). */
export function TargetMark({ met, testId = "target" }: { met: boolean | null; testId?: string }) {
  if (met === null) return <span className="text-slate-500">not measured</span>;
  return met ? (
    <span className="text-emerald-800 dark:text-emerald-300" data-testid={`${testId}-met`}>
      ✓ met
    </span>
  ) : (
    <span className="font-medium text-red-800 dark:text-red-300" data-testid={`${testId}-missed`}>
      ✕ missed
    </span>
  );
}
