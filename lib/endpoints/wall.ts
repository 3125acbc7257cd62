import { wallQuery } from "@/lib/contracts/wall";
import { loadWallParts, loadWallSnapshot } from "@/lib/services/wall/load-wall";
import { route } from "@/lib/http/route";

/**
 * GET /api/wall: everything a wall screen shows in one read, or only the parts a live update
 * touched (`parts=running,failures`): display tokens (viewer role) are enough.
 */
export const wallEndpoint = route({ query: wallQuery }, async ({ query }) => {
  const q = { sources: query.sources?.split(",") ?? [], timelineHours: query.hours };
  return query.parts ? loadWallParts(q, query.parts) : loadWallSnapshot(q);
});
