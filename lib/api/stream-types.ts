import type { JobSummary } from "./job-types";

/** Server-Sent Events from GET /api/stream. */
export type StreamEvent =
  | { type: "jobs"; jobs: JobSummary[] }
  | { type: "source"; sourceId: string }
  | { type: "heartbeat"; at: string };
