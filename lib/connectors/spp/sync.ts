import { z } from "zod";
import { VendorNotFoundError } from "@/lib/connectors/errors";
import { field, quarantine, readRecords } from "@/lib/connectors/quarantine";
import type { QuarantinedRecord, SyncBatch, SyncCursor } from "@/lib/connectors/types";
import type { JobRecord } from "@/lib/domain/model";
import type { SppClient } from "./client";
import { mapJobSession } from "./map";
import { jobSessionPageSchema, jobSessionSchema, logPageSchema, progressPageSchema, type JobSession } from "./schemas";
import { ACTIVE_SESSION_STATUSES } from "./state";

/** Sessions that ended this close to the last one seen are listed again, in case the vendor recorded them late. */
const OVERLAP_MS = 10 * 60_000;
const DETAIL_CONCURRENCY = 4;

/** Sessions given their full detail (progress and log) per step; the rest waits in the backlog. */
const STEP_DETAILS = 50;
/**
 * Every log type SPP writes. Without a `type` filter SPP lists only INFO lines (sppmon's
 * get_job_log_details filters on type IN [...] for this reason), which would hide every warning and error.
 */
const LOG_TYPES = ["INFO", "DEBUG", "WARN", "ERROR", "SUMMARY", "DETAIL"];

const cursorSchema = z.object({
  /** Latest `end` (epoch ms) seen on a finished session. */
  endedSince: z.number().nullable(),
  /** Sessions that were active last time: each must be seen again, finished or not. */
  active: z.array(z.string()),
  /** History still to read in full, newest first, from the first listing. */
  backlog: z.array(z.string()).default([]),
  backlogTotal: z.number().int().default(0),
});
type SppCursor = z.infer<typeof cursorSchema>;

const filter = (items: Array<{ property: string; value: unknown; op?: string }>) => JSON.stringify(items);
const sort = (property: string, direction: "ASC" | "DESC") => JSON.stringify([{ property, direction }]);

export class SppSync {
  constructor(
    private readonly client: SppClient,
    private readonly pageSize: number,
  ) {}

  /**
   * One bounded step. The first lists every session newest first, reads the newest in full and
   * leaves the rest as a backlog; each later step reads what changed (active sessions, sessions
   * ended since the watermark) and then the next slice of the backlog, so the present shows at once
   * and history fills in behind it.
   */
  async listChanged(raw: SyncCursor | null, signal?: AbortSignal): Promise<SyncBatch> {
    const parsed = raw ? cursorSchema.safeParse(raw) : null;
    const cursor: SppCursor | null = parsed?.success ? parsed.data : null;
    const bad: QuarantinedRecord[] = [];
    const read = (items: unknown[]) => {
      const out = readRecords(items, jobSessionSchema, "job session", field("id"));
      bad.push(...out.bad);
      return out.good.map((g) => g.value);
    };

    let current: JobSession[];
    let backlog: string[];
    let backlogTotal: number;
    let presentIds: string[] | undefined;
    if (!cursor) {
      const all = read(await this.listSessions({ sort: sort("start", "DESC") }, signal));
      presentIds = [...all.map((s) => s.id), ...bad.map((b) => b.key)];
      current = all.slice(0, STEP_DETAILS);
      backlog = all.slice(STEP_DETAILS).map((s) => s.id);
      backlogTotal = all.length;
    } else {
      const active = read(
        await this.listSessions(
          { filter: filter([{ property: "status", value: [...ACTIVE_SESSION_STATUSES], op: "IN" }]), sort: sort("start", "ASC") },
          signal,
        ),
      );
      const finished = read(
        await this.listSessions(
          { filter: filter([{ property: "end", value: (cursor.endedSince ?? 0) - OVERLAP_MS, op: ">=" }]), sort: sort("end", "DESC") },
          signal,
        ),
      );
      const byId = new Map<string, JobSession>();
      for (const s of [...active, ...finished]) if (!byId.has(s.id)) byId.set(s.id, s);
      for (const id of cursor.active) {
        if (byId.has(id)) continue;
        const session = await this.getSession(id, signal);
        if (session) byId.set(id, session);
      }
      backlog = cursor.backlog.filter((id) => !byId.has(id));
      for (const id of backlog.splice(0, STEP_DETAILS)) {
        const session = await this.getSession(id, signal);
        if (session) byId.set(id, session);
      }
      current = [...byId.values()];
      backlogTotal = cursor.backlogTotal;
    }

    const details = await mapLimit(current, DETAIL_CONCURRENCY, (s) => this.detailOrQuarantine(s, signal));
    const jobs: JobRecord[] = [];
    for (const d of details) {
      if ("job" in d) jobs.push(d.job);
      else bad.push(d.bad);
    }
    const ends = current.map((s) => s.end ?? 0).filter((e) => e > 0);
    const next: SppCursor = {
      endedSince: Math.max(cursor?.endedSince ?? 0, ...ends) || null,
      active: jobs.filter((j) => !j.endedAt).map((j) => j.vendorId),
      backlog,
      backlogTotal: backlog.length > 0 ? backlogTotal : 0,
    };
    return {
      jobs,
      cursor: next,
      quarantined: bad,
      more: backlog.length > 0,
      backfill: backlog.length > 0 ? { done: backlogTotal - backlog.length, total: backlogTotal } : null,
      ...(presentIds ? { presentIds } : {}),
    };
  }

  private async detailOrQuarantine(session: JobSession, signal?: AbortSignal): Promise<{ job: JobRecord } | { bad: QuarantinedRecord }> {
    const parts = await this.fetchDetail(session, signal);
    try {
      return { job: mapJobSession(parts) };
    } catch (err) {
      return { bad: quarantine(parts, session.id, `job session ${session.id}: ${err instanceof Error ? err.message : String(err)}`) };
    }
  }

  async getJob(vendorId: string, signal?: AbortSignal): Promise<JobRecord | null> {
    const session = await this.getSession(vendorId, signal);
    return session ? mapJobSession(await this.fetchDetail(session, signal)) : null;
  }

  private listSessions(query: Record<string, string>, signal?: AbortSignal): Promise<unknown[]> {
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

  /** A session's resources (GET /api/progress by sessionId) and its job log of every type. */
  private async fetchDetail(session: JobSession, signal?: AbortSignal) {
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
        {
          pageSize: String(this.pageSize),
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
