import { z } from "zod";
import { VendorNotFoundError } from "@/lib/connectors/errors";
import { field, quarantine, readRecords } from "@/lib/connectors/quarantine";
import type { QuarantinedRecord, SyncBatch, SyncCursor } from "@/lib/connectors/types";
import type { JobRecord } from "@/lib/domain/model";
import type { SppClient } from "./client";
import { mapJobSession } from "./map";
import {
  jobSessionPageSchema,
  jobSessionSchema,
  logPageSchema,
  progressPageSchema,
  type JobSession,
} from "./schemas";
import { ACTIVE_SESSION_STATUSES } from "./state";

/** Sessions that ended this close to the last one seen are listed again, in case the vendor recorded them late. */
const OVERLAP_MS = 10 * 60_000;
const DETAIL_CONCURRENCY = 4;

/** Sessions of history given their full detail (progress and log) per step. */
const STEP_DETAILS = 50;
/**
 * Every log type SPP writes. Without a `type` filter SPP lists only INFO lines (sppmon's
 * get_job_log_details filters on type IN [...] for this reason), which would hide every warning and error.
 */
const LOG_TYPES = ["INFO", "DEBUG", "WARN", "ERROR", "SUMMARY", "DETAIL"];

/**
 * Where the history backfill goes on, as a keyset position rather than a list of ids (a year of an
 * appliance is ~44,000 sessions, ~700 KB of ids): sessions that started at or before `start`, less
 * those started exactly then that were already read (ties on the start time).
 */
const positionSchema = z.object({
  start: z.number(),
  readAtStart: z.array(z.string()),
  done: z.number().int(),
  total: z.number().int(),
});
type Position = z.infer<typeof positionSchema>;

const cursorSchema = z.object({
  /** Latest `end` (epoch ms) seen on a finished session. */
  endedSince: z.number().nullable(),
  /** Sessions that were active last time: each must be seen again, finished or not. */
  active: z.array(z.string()),
  /** History still to read in full, newest first; null once read. (A cursor without it starts over.) */
  backfill: positionSchema.nullable(),
});
type SppCursor = z.infer<typeof cursorSchema>;

const filter = (items: Array<{ property: string; value: unknown; op?: string }>) =>
  JSON.stringify(items);
const sort = (property: string, direction: "ASC" | "DESC") =>
  JSON.stringify([{ property, direction }]);
/** Newest first, ties in a fixed order, so a window never depends on how the server breaks them. */
const NEWEST_FIRST = JSON.stringify([
  { property: "start", direction: "DESC" },
  { property: "id", direction: "DESC" },
]);

export class SppSync {
  constructor(
    private readonly client: SppClient,
    private readonly pageSize: number,
  ) {}

  /**
   * One bounded step. The first reads the newest sessions in full and leaves a keyset position
   * behind them; each later step reads what changed (active sessions, sessions ended since the
   * watermark) and then the next window of history from that position, so the present shows at
   * once and history fills in behind it, with a cursor that stays small however long the history.
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

    const byId = new Map<string, JobSession>();
    let presentIds: string[] | undefined;
    let backfill: Position | null;
    if (!cursor) {
      const window = await this.historyWindow(null, signal);
      for (const s of read(window.sessions)) byId.set(s.id, s);
      backfill = window.next;
      // An appliance whose whole history fit in this step gave its whole inventory.
      if (!backfill) presentIds = [...byId.keys(), ...bad.map((b) => b.key)];
    } else {
      const active = read(
        await this.listSessions(
          {
            filter: filter([{ property: "status", value: [...ACTIVE_SESSION_STATUSES], op: "IN" }]),
            sort: sort("start", "ASC"),
          },
          signal,
        ),
      );
      const finished = read(
        await this.listSessions(
          {
            filter: filter([
              { property: "end", value: (cursor.endedSince ?? 0) - OVERLAP_MS, op: ">=" },
            ]),
            sort: sort("end", "DESC"),
          },
          signal,
        ),
      );
      for (const s of [...active, ...finished]) if (!byId.has(s.id)) byId.set(s.id, s);
      for (const id of cursor.active) {
        if (byId.has(id)) continue;
        const session = await this.getSession(id, signal);
        if (session) byId.set(id, session);
      }
      backfill = cursor.backfill;
      if (backfill) {
        const window = await this.historyWindow(backfill, signal);
        for (const s of read(window.sessions)) if (!byId.has(s.id)) byId.set(s.id, s);
        backfill = window.next;
        // History is all in: one listing says which sessions SPP still has (ids only are kept).
        if (!backfill)
          presentIds = (await this.listSessions({}, signal)).map((raw) => String(field("id")(raw)));
      }
    }
    const current = [...byId.values()];

    const details = await mapLimit(current, DETAIL_CONCURRENCY, (s) =>
      this.detailOrQuarantine(s, signal),
    );
    const jobs: JobRecord[] = [];
    for (const d of details) {
      if ("job" in d) jobs.push(d.job);
      else bad.push(d.bad);
    }
    const ends = current.map((s) => s.end ?? 0).filter((e) => e > 0);
    const next: SppCursor = {
      endedSince: Math.max(cursor?.endedSince ?? 0, ...ends) || null,
      active: jobs.filter((j) => !j.endedAt).map((j) => j.vendorId),
      backfill,
    };
    return {
      jobs,
      cursor: next,
      quarantined: bad,
      more: backfill !== null,
      backfill: backfill
        ? { done: backfill.done, total: Math.max(backfill.total, backfill.done + 1) }
        : null,
      ...(presentIds ? { presentIds } : {}),
    };
  }

  /**
   * The next STEP_DETAILS sessions of history from `from` (null: the newest), raw, and the position
   * after them (null once the listing's end is reached). Only `start <=` is filtered on (SPP's
   * filter has no `<`); sessions at exactly the position's start already read are skipped here.
   */
  private async historyWindow(
    from: Position | null,
    signal?: AbortSignal,
  ): Promise<{ sessions: unknown[]; next: Position | null }> {
    const skip = new Set(from?.readAtStart ?? []);
    const isFresh = (raw: unknown) => !skip.has(String(field("id")(raw)));
    const query: Record<string, string> = { pageSize: String(this.pageSize), sort: NEWEST_FIRST };
    if (from) query.filter = filter([{ property: "start", value: from.start, op: "<=" }]);
    const listed = await this.client.getPages(
      "/api/endeavour/jobsession",
      query,
      jobSessionPageSchema,
      (page) => page.sessions,
      "job session list",
      (items) => items.filter(isFresh).length > STEP_DETAILS,
      signal,
    );
    const fresh = listed.items.filter(isFresh);
    const sessions = fresh.slice(0, STEP_DETAILS);
    if (listed.complete && fresh.length <= STEP_DETAILS) return { sessions, next: null };
    // The position moves to the last session taken that has a readable start (an unreadable one is quarantined).
    const last = sessions.findLast((raw) => typeof field("start")(raw) === "number");
    const done = (from?.done ?? 0) + sessions.length;
    const total = from?.total ?? listed.total;
    if (last === undefined) {
      const ids = sessions.map((raw) => String(field("id")(raw)));
      return {
        sessions,
        next: {
          start: from?.start ?? Number.MAX_SAFE_INTEGER,
          readAtStart: [...skip, ...ids],
          done,
          total,
        },
      };
    }
    const start = field("start")(last) as number;
    const atStart = sessions
      .filter((raw) => field("start")(raw) === start)
      .map((raw) => String(field("id")(raw)));
    const readAtStart = from && from.start === start ? [...from.readAtStart, ...atStart] : atStart;
    return { sessions, next: { start, readAtStart, done, total } };
  }

  private async detailOrQuarantine(
    session: JobSession,
    signal?: AbortSignal,
  ): Promise<{ job: JobRecord } | { bad: QuarantinedRecord }> {
    const parts = await this.fetchDetail(session, signal);
    try {
      return { job: mapJobSession(parts) };
    } catch (err) {
      return {
        bad: quarantine(
          parts,
          session.id,
          `job session ${session.id}: ${err instanceof Error ? err.message : String(err)}`,
        ),
      };
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
        {
          pageSize: String(this.pageSize),
          filter: filter([{ property: "sessionId", value: session.id, op: "=" }]),
          sort: sort("id", "ASC"),
        },
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
async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
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
