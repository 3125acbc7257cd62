import { Badge, type BadgeStyle } from "@/components/ui/badge";
import type { ActionStatus } from "@/lib/domain/action-status";

const STYLE: Record<ActionStatus, BadgeStyle> = {
  pending: { icon: "◷", tone: "sky" },
  succeeded: { icon: "✓", tone: "emerald" },
  refused: { icon: "⊘", tone: "amber" },
  failed: { icon: "✕", tone: "red" },
  unknown: { icon: "?", tone: "zinc" },
};

/** Where an operator's action stands in the audit trail (not a run's outcome: see OutcomeBadge). */
export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  return (
    <Badge {...STYLE[status]} data-testid="audit-outcome" data-status={status}>
      {status}
    </Badge>
  );
}
