import { wallQuery } from "@/lib/contracts/wall";
import { loadWallParts, loadWallSnapshot } from "@/lib/services/wall/load-wall";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * Everything a wall screen shows in one read, or only the parts a live update touched
 * (`parts=running,failures`): display tokens (viewer role) are enough.
 */
export const GET = route({ query: wallQuery }, async ({ query }) => {
  const q = { sources: query.sources?.split(",") ?? [], timelineHours: query.hours };
  return query.parts ? loadWallParts(q, query.parts) : loadWallSnapshot(q);
});
