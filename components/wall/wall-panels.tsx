import type { WallFailure, WallSnapshot } from "@/lib/contracts/wall";
import { FailuresPanel } from "./failures-panel";
import type { WallPanelId } from "./panel-ids";
import { ReadinessPanel } from "./readiness-panel";
import { RunningPanel } from "./running-panel";
import { SourcesPanel } from "./sources-panel";
import { TimelinePanel } from "./timeline-panel";
import type { WallContext } from "./wall-context";

interface Props {
  panels: WallPanelId[];
  snapshot: WallSnapshot;
  ctx: WallContext;
  pinned: WallFailure[];
  acknowledged: ReadonlySet<string>;
  onAcknowledge: () => void;
  hours: number;
}

export function WallPanels({
  panels,
  snapshot,
  ctx,
  pinned,
  acknowledged,
  onAcknowledge,
  hours,
}: Props) {
  const pinnedIds = new Set(pinned.map((f) => f.id));
  const eyeglass = new Set(snapshot.sources.filter((s) => s.kind === "eyeglass").map((s) => s.id));
  return panels.map((id) => {
    switch (id) {
      case "running":
        return (
          <RunningPanel key={id} jobs={snapshot.running} queued={snapshot.queuedCount} ctx={ctx} />
        );
      case "failures":
        return (
          <FailuresPanel
            key={id}
            failures={snapshot.failures}
            incidents={snapshot.incidents}
            pinnedIds={pinnedIds}
            acknowledged={acknowledged}
            ctx={ctx}
            onAcknowledge={onAcknowledge}
          />
        );
      case "sources":
        return <SourcesPanel key={id} sources={snapshot.sources} ctx={ctx} />;
      case "dr":
        return (
          <ReadinessPanel
            key={id}
            zones={snapshot.readiness}
            eyeglassSourceIds={eyeglass}
            ctx={ctx}
          />
        );
      case "timeline":
        return <TimelinePanel key={id} timeline={snapshot.timeline} hours={hours} ctx={ctx} />;
    }
  });
}
