import type { SppClient } from "./client";
import { logPageSchema, progressPageSchema, type JobSession } from "./schemas";

/** SPP's list filters and sorts are JSON in the query string. */
export const filter = (items: Array<{ property: string; value: unknown; op?: string }>) =>
  JSON.stringify(items);
export const sort = (property: string, direction: "ASC" | "DESC") =>
  JSON.stringify([{ property, direction }]);

/**
 * Every log type SPP writes. Without a `type` filter SPP lists only INFO lines (sppmon's
 * get_job_log_details filters on type IN [...] for this reason), which would hide every warning and error.
 */
const LOG_TYPES = ["INFO", "DEBUG", "WARN", "ERROR", "SUMMARY", "DETAIL"];

/** A session's resources (GET /api/progress by sessionId) and its job log of every type. */
export async function fetchSessionDetail(
  client: SppClient,
  pageSize: number,
  session: JobSession,
  signal?: AbortSignal,
) {
  const [summaries, logs] = await Promise.all([
    client.getAllPages(
      "/api/progress",
      {
        pageSize: String(pageSize),
        filter: filter([{ property: "sessionId", value: session.id, op: "=" }]),
        sort: sort("id", "ASC"),
      },
      progressPageSchema,
      (page) => page.summaries,
      `progress of job session ${session.id}`,
      signal,
    ),
    client.getAllPages(
      "/api/endeavour/log/job",
      {
        pageSize: String(pageSize),
        filter: filter([
          { property: "jobsessionId", value: session.id, op: "=" },
          { property: "type", value: LOG_TYPES, op: "IN" },
        ]),
        sort: sort("logTime", "ASC"),
      },
      logPageSchema,
      (page) => page.logs,
      `job log of session ${session.id}`,
      signal,
    ),
  ]);
  return { session, summaries, logs };
}
