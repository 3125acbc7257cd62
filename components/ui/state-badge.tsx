import type { JobState } from "@/lib/domain/job-state";
import { Badge, type BadgeStyle } from "./badge";

/** Icon and text as well as colour, so state reads without colour vision and on a greyscale print. */
const STYLE: Record<JobState, BadgeStyle> = {
  queued: { icon: "◷", tone: "slate" },
  running: { icon: "▶", tone: "sky" },
  paused: { icon: "❚❚", tone: "violet" },
  aborting: { icon: "⏹", tone: "amber" },
  succeeded: { icon: "✓", tone: "emerald" },
  partial: { icon: "◐", tone: "yellow" },
  failed: { icon: "✕", tone: "red" },
  aborted: { icon: "⊘", tone: "orange" },
  canceled: { icon: "⊘", tone: "stone" },
};

export function StateBadge({ state, vendorState }: { state: JobState; vendorState?: string }) {
  return (
    <Badge
      {...STYLE[state]}
      data-testid="state-badge"
      data-state={state}
      title={vendorState ? `vendor state: ${vendorState}` : undefined}
    >
      {state}
    </Badge>
  );
}
