import { z } from "zod";
import { VendorNotFoundError } from "@/lib/connectors/errors";
import type { SyncBatch, SyncCursor } from "@/lib/connectors/types";
import type { JobRecord } from "@/lib/domain/model";
import type { SppClient } from "./client";
import { mapJobSession } from "./map";
import { jobSessionPageSchema, jobSessionSchema, logPageSchema, progressPageSchema, type JobSession } from "./schemas";
import { ACTIVE_SESSION_STATUSES } from "./state";

/** Sessions that ended this close to the last one seen are listed again, in case the vendor recorded them late. */
const OVERLAP_MS = 10 * 60_000;
const DETAIL_CONCURRENCY = 4;

const cursorSchema = z.object({
  /** Latest `end` (epoch ms) seen on a finished session. */
  endedSince: z.number().nullable(),
  /** Sessions that were active last time: each must be seen again, finished or not. */
  active: z.array(z.string()),
});
type SppCursor = z.infer<typeof cursorSchema>;

const filter = (items: Array<{ property: string; value: unknown; op?: string }>) => JSON.stringify(items);
const sort = (property: string, direction: "ASC" | "DESC") => JSON.stringify([{ property, direction }]);

export class SppSync {
  constructor(
    private readonly client: SppClient,
    private readonly pageSize: number,
  ) {}

  async listChanged(raw: SyncCursor | null, signal?: AbortSignal): Promise<SyncBatch> {
    const parsed = raw ? cursorSchema.safeParse(raw) : null;
    const cursor: SppCursor | null = parsed?.success ? parsed.data : null;
    const active = await this.listSessions(
      { filter: filter([{ property: "status", value: [...ACTIVE_SESSION_STATUSES], op: "IN" }]), sort: sort("start", "ASC") },
      signal,
    );
    const finished = cursor
      ? await this.listSessions(
          {
            filter: filter([{ property: "end", value: (cursor.endedSince ?? 0) - OVERLAP_MS, op: ">=" }]),
            sort: sort("end", "DESC"),
          },
          signal,
        )
      : await this.listSessions({ sort: sort("start", "DESC") }, signal);
    const byId = new Map<string, JobSession>();
    for (const s of [...active, ...finished]) if (!byId.has(s.id)) byId.set(s.id, s);
    for (const id of cursor?.active ?? []) {
      if (byId.has(id)) continue;
      const session = await this.getSession(id, signal);
      if (session) byId.set(id, session);
    }
    const sessions = [...byId.values()];
    const jobs = await mapLimit(sessions, DETAIL_CONCURRENCY, (s) => this.detail(s, signal));
    const ends = sessions.map((s) => s.end ?? 0).filter((e) => e > 0);
    const next: SppCursor = {
      endedSince: Math.max(cursor?.endedSince ?? 0, ...ends) || null,
      active: jobs.filter((j) => !j.endedAt).map((j) => j.vendorId),
    };
    return { jobs, cursor: next, ...(cursor ? {} : { presentIds: sessions.map((s) => s.id) }) };
  }

  async getJob(vendorId: string, signal?: AbortSignal): Promise<JobRecord | null> {
    const session = await this.getSession(vendorId, signal);
    return session ? this.detail(session, signal) : null;
  }

  private listSessions(query: Record<string, string>, signal?: AbortSignal): Promise<JobSession[]> {
    return this.client.getAllPages(
      "/api/endeavour/jobsession",
      { pageSize: String(this.pageSize), ...query },
      jobSessionPageSchema,
      (page) => page.sessions,
      "job session list",
      signal,
    );
  }

  private async getSession(id: string, signal?: AbortSignal): Promise<JobSession | null> {
    try {
      return await this.client.getJson(
        { method: "GET", path: `/api/endeavour/jobsession/${encodeURIComponent(id)}` },
        jobSessionSchema,
        `job session ${id}`,
        signal,
      );
    } catch (err) {
      if (err instanceof VendorNotFoundError) return null;
      throw err;
    }
  }

  /** A session's resources (GET /api/progress by sessionId) and its job log, mapped to one job. */
  private async detail(session: JobSession, signal?: AbortSignal): Promise<JobRecord> {
    const [summaries, logs] = await Promise.all([
      this.client.getAllPages(
        "/api/progress",
        { pageSize: String(this.pageSize), filter: filter([{ property: "sessionId", value: session.id, op: "=" }]), sort: sort("id", "ASC") },
        progressPageSchema,
        (page) => page.summaries,
        `progress of job session ${session.id}`,
        signal,
      ),
      this.client.getAllPages(
        "/api/endeavour/log/job",
        { pageSize: String(this.pageSize), filter: filter([{ property: "jobsessionId", value: session.id }]), sort: sort("logTime", "ASC") },
        logPageSchema,
        (page) => page.logs,
        `job log of session ${session.id}`,
        signal,
      ),
    ]);
    return mapJobSession({ session, summaries, logs });
  }
}

/** Like Promise.all over `items`, with at most `limit` in flight so a big first poll does not flood the server. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index];
      if (item !== undefined) out[index] = await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
