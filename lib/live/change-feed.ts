import pg from "pg";
import type { StreamEvent } from "@/lib/api/stream-types";
import { getJobSummaries } from "@/lib/data/jobs";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { CHANGE_CHANNEL, type ChangeMessage } from "@/lib/sync/notify";

type Subscriber = (event: StreamEvent) => void;

/** Notifications arriving within this window are sent to browsers as one batch. */
const COALESCE_MS = 200;
const RECONNECT_MS = 2_000;

/**
 * One LISTEN connection per web process feeds every open stream: viewers add no database or vendor
 * load. Changed job ids are coalesced and read once, then fanned out.
 */
class ChangeFeed {
  private subscribers = new Set<Subscriber>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private pendingJobIds = new Set<string>();
  private pendingSources = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;

  subscribe(fn: Subscriber): () => void {
    this.subscribers.add(fn);
    void this.ensureConnected();
    return () => {
      this.subscribers.delete(fn);
    };
  }

  get size(): number {
    return this.subscribers.size;
  }

  private ensureConnected(): Promise<void> {
    if (this.client || this.connecting) return this.connecting ?? Promise.resolve();
    const url = env().DATABASE_URL;
    if (!url) return Promise.resolve();
    const client = new pg.Client({ connectionString: url });
    this.connecting = client
      .connect()
      .then(() => client.query(`LISTEN ${CHANGE_CHANNEL}`))
      .then(() => {
        this.client = client;
        client.on("notification", (msg) => this.onNotification(msg.payload));
        client.on("error", (err) => this.onDisconnect(err));
        client.on("end", () => this.onDisconnect(null));
      })
      .catch((err) => this.onDisconnect(err))
      .finally(() => {
        this.connecting = null;
      });
    return this.connecting;
  }

  private onDisconnect(err: unknown): void {
    if (err) logger.warn({ err }, "change feed connection lost");
    this.client = null;
    setTimeout(() => {
      if (this.subscribers.size > 0) void this.ensureConnected();
    }, RECONNECT_MS).unref();
  }

  private onNotification(payload: string | undefined): void {
    if (!payload) return;
    let message: ChangeMessage;
    try {
      message = JSON.parse(payload) as ChangeMessage;
    } catch {
      return;
    }
    if (message.t === "jobs") for (const id of message.ids) this.pendingJobIds.add(id);
    else this.pendingSources.add(message.s);
    this.flushTimer ??= setTimeout(() => void this.flush(), COALESCE_MS);
  }

  private async flush(): Promise<void> {
    this.flushTimer = null;
    const ids = [...this.pendingJobIds];
    const sources = [...this.pendingSources];
    this.pendingJobIds.clear();
    this.pendingSources.clear();
    for (const sourceId of sources) this.broadcast({ type: "source", sourceId });
    if (ids.length === 0) return;
    try {
      const jobs = await getJobSummaries(ids);
      if (jobs.length > 0) this.broadcast({ type: "jobs", jobs });
    } catch (err) {
      logger.warn({ err }, "change feed could not read changed jobs");
    }
  }

  private broadcast(event: StreamEvent): void {
    for (const fn of this.subscribers) fn(event);
  }
}

const globalForFeed = globalThis as typeof globalThis & { jobdeckChangeFeed?: ChangeFeed };

export function changeFeed(): ChangeFeed {
  globalForFeed.jobdeckChangeFeed ??= new ChangeFeed();
  return globalForFeed.jobdeckChangeFeed;
}
