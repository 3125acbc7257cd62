import { streamTopicQuery } from "@/lib/contracts/stream";
import { getActor } from "@/lib/auth/get-actor";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { sseResponse } from "@/lib/live/sse-response";
import { takeStreamSlot } from "@/lib/live/stream-slots";
import { startStreamCensus } from "@/lib/metrics/stream-census";

/** A client that leaves this much unread is not reading: it is dropped rather than buffered for. */
const MAX_BUFFERED_BYTES = 1 << 20;

/**
 * GET /api/stream. Jobdeck's own HTTP server (scripts/web.ts, behind `npm start` and `npm run web`)
 * serves it directly, outside Next.js's request pipeline, which held about 150 KB per open stream;
 * app/api/stream/route.ts serves it wherever Next.js alone answers.
 */
export const streamEndpoint = route(
  { query: streamTopicQuery },
  async ({ request, query, actor }) => {
    const caller = `${actor.kind}:${actor.id ?? actor.name}`;
    startStreamCensus();
    const free = takeStreamSlot(caller, env().JOBDECK_STREAMS_PER_CALLER);
    if (!free)
      throw new HttpError(
        429,
        "Too many streams",
        `At most ${env().JOBDECK_STREAMS_PER_CALLER} live streams per caller; close another tab or wall.`,
      );
    return sseResponse({
      topic: query,
      signal: request.signal,
      // Same credentials as when it opened: a revoked token, deleted user or ended session ends the stream.
      stillAllowed: async () => {
        const now = await getActor(request);
        return now !== null && now.kind === actor.kind && now.id === actor.id;
      },
      recheckMs: env().JOBDECK_STREAM_RECHECK_MS,
      maxBufferedBytes: MAX_BUFFERED_BYTES,
      onClose: free,
    });
  },
);
