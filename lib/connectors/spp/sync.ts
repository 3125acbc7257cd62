import { z } from "zod";
import { VendorNotFoundError } from "@/lib/connectors/errors";
import { field, quarantine, readRecords } from "@/lib/connectors/quarantine";
import type { QuarantinedRecord, SyncBatch, SyncCursor } from "@/lib/connectors/types";
import type { JobRecord } from "@/lib/domain/model";
import type { SppClient } from "./client";
import { mapJobSession } from "./map";
import { historyWindow, positionSchema, type Position } from "./history-window";
import { jobSessionPageSchema, jobSessionSchema, type JobSession } from "./schemas";
import { fetchSessionDetail, filter, sort } from "./session-queries";
import { ACTIVE_SESSION_STATUSES } from "./state";

/** Sessions that ended this close to the last one seen are listed again, in case the vendor recorded them late. */
const OVERLAP_MS = 10 * 60_000;
const DETAIL_CONCURRENCY = 4;

const cursorSchema = z.object({
  /** Latest `end` (epoch ms) seen on a finished session. */
  endedSince: z.number().nullable(),
  /** Sessions that were active last time: each must be seen again, finished or not. */
  active: z.array(z.string()),
  /** History still to read in full, newest first; null once read. (A cursor without it starts over.) */
  backfill: positionSchema.nullable(),
});
type SppCursor = z.infer<typeof cursorSchema>;

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
      const window = await historyWindow(this.client, this.pageSize, null, signal);
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
        const window = await historyWindow(this.client, this.pageSize, backfill, signal);
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

  private async detailOrQuarantine(
    session: JobSession,
    signal?: AbortSignal,
  ): Promise<{ job: JobRecord } | { bad: QuarantinedRecord }> {
    const parts = await fetchSessionDetail(this.client, this.pageSize, session, signal);
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
    return session
      ? mapJobSession(await fetchSessionDetail(this.client, this.pageSize, session, signal))
      : null;
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
