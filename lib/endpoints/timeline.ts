import { timelineQuery } from "@/lib/contracts/explorer";
import { getTimeline } from "@/lib/data/timeline";
import { inHeavySlot } from "@/lib/http/heavy-gate";
import { route } from "@/lib/http/route";
import { sharedRead } from "@/lib/live/shared-reads";

/** Past this many jobs in the window the browser gets density per lane instead of bars (400 job rows stay under 300 KB). */
const MAX_BARS = 400;

/** GET /api/timeline: bars, or density per lane and bucket, for a window. */
export const timelineEndpoint = route({ query: timelineQuery }, async ({ query }) =>
  sharedRead("timeline", query, () =>
    inHeavySlot(() =>
      getTimeline({
        from: query.from,
        to: query.to,
        group: query.group,
        kinds: query.kind,
        sourceIds: query.source,
        states: query.state,
        buckets: query.buckets,
        maxBars: MAX_BARS,
      }),
    ),
  ),
);
