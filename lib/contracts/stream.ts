import { z } from "zod";
import { entityId, queryList } from "./params";
import { SOURCE_KINDS } from "@/lib/domain/source-kind";
import type { JobSummary } from "./jobs";

/** Server-Sent Events from GET /api/stream. */
export type StreamEvent =
  | { type: "jobs"; jobs: JobSummary[] }
  | { type: "source"; sourceId: string }
  /** Incidents opened, changed, were acknowledged or resolved: screens showing incidents re-read them. */
  | { type: "incidents" }
  | { type: "heartbeat"; at: string }
  /** Changes may have been missed (the server's change feed reconnected): re-read what is shown. */
  | { type: "resync" };

/**
 * What one browser tab shows, so the stream sends only changes to it: a job page its job, a list its
 * filter (state is left out: a job leaving a state-filtered list must still reach it), the wall its
 * sources. No parameter at all subscribes to every change.
 */
export const streamTopicQuery = z
  .object({
    job: entityId("job").optional(),
    source: queryList(entityId("source")).optional(),
    kind: queryList(z.enum(SOURCE_KINDS)).optional(),
    type: queryList(z.string().min(1).max(100)).optional(),
    q: z.string().trim().max(200).optional(),
  })
  .strict();

export type StreamTopic = z.infer<typeof streamTopicQuery>;
