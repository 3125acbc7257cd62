import { z } from "zod";
import { loadWallSnapshot } from "@/lib/data/wall";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const wallQuery = z
  .object({
    sources: z.string().max(2000).optional(),
    hours: z.coerce.number().int().min(1).max(48).default(6),
  })
  .strict();

/** Everything a wall screen shows in one read: display tokens (viewer role) are enough. */
export const GET = route({ query: wallQuery }, async ({ query }) =>
  loadWallSnapshot({ sources: query.sources?.split(",") ?? [], timelineHours: query.hours }),
);
