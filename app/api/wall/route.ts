import { wallQuery } from "@/lib/contracts/wall";
import { loadWallSnapshot } from "@/lib/data/wall";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Everything a wall screen shows in one read: display tokens (viewer role) are enough. */
export const GET = route({ query: wallQuery }, async ({ query }) =>
  loadWallSnapshot({ sources: query.sources?.split(",") ?? [], timelineHours: query.hours }),
);
