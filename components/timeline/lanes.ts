import { NO_LANE_VALUE, type ScheduledView, type TimelineGroup } from "@/lib/contracts/explorer";
import type { JobSummary } from "@/lib/contracts/jobs";
import { VENDOR_LABEL, type SourceKind } from "@/lib/domain/source-kind";

type Laned = Pick<JobSummary, "sourceName" | "kind" | "dataset" | "policy"> & {
  cluster?: string | null;
};

/** Matches lib/data/timeline.ts's lane rule, so server density and browser bars land in the same lanes. */
export function laneOf(item: Laned, group: TimelineGroup): string {
  switch (group) {
    case "source":
      return item.sourceName;
    case "vendor":
      return item.kind;
    case "cluster":
      return item.cluster ?? NO_LANE_VALUE;
    case "dataset":
      return item.dataset ?? NO_LANE_VALUE;
    case "policy":
      return item.policy ?? NO_LANE_VALUE;
  }
}

export function scheduledLane(s: ScheduledView, group: TimelineGroup): string {
  return laneOf({ ...s, cluster: null }, group);
}

export function laneLabel(lane: string, group: TimelineGroup): string {
  return group === "vendor" && lane in VENDOR_LABEL ? VENDOR_LABEL[lane as SourceKind] : lane;
}
