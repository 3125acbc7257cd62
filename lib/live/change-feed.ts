import pg from "pg";
import type { StreamEvent, StreamTopic } from "@/lib/contracts/stream";
import { getJobSummaries } from "@/lib/data/jobs";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { CHANGE_CHANNEL, type ChangeMessage } from "@/lib/sync/notify";
import { eventForTopic } from "./topic";

type Subscriber = (event: StreamEvent) => void;

/** Notifications arriving within this window are sent to browsers as one batch. */
const COALESCE_MS = 200;
const RECONNECT_MS = 2_000;

/**
 * One LISTEN connection per web process feeds every open stream: viewers add no database or vendor
 * load. Changed job ids are coalesced and read once, then each subscriber gets only what matches its
 * topic. After the connection was lost, notifications in the gap are gone: subscribers are told to resync.
 */
export class ChangeFeed {
  private subscribers = new Map<Subscriber, StreamTopic>();
  private client: pg.Client | null = null;
  private lost = false;
  private connecting: Promise<void> | null = null;
  private pendingJobIds = new Set<string>();
  private pendingSources = new Set<string>();
  private pendingIncidents = false;
  private flushTimer: NodeJS.Timeout | null = null;
  private changesHeard = 0;
  private retryAt = 0;

  constructor(private readonly url: () => string | undefined = () => env().DATABASE_URL) {}

  subscribe(topic: StreamTopic, fn: Subscriber): () => void {
    this.subscribers.set(fn, topic);
    void this.ensureConnected();
    return () => {
      this.subscribers.delete(fn);
    };
  }

  get size(): number {
    return this.subscribers.size;
  }

  /**
   * A number that changes whenever this process hears of a change (or may have missed one: it
   * changes on reconnecting), for answers reused until the data behind them changes
   * (lib/live/shared-reads.ts). Null while not listening, when a change could go unheard.
   */
  dataVersion(): number | null {
    if (this.client) return this.changesHeard;
    if (Date.now() >= this.retryAt) void this.ensureConnected();
    return null;
  }

  private ensureConnected(): Promise<void> {
    if (this.client || this.connecting) return this.connecting ?? Promise.resolve();
    const url = this.url();
    if (!url) return Promise.resolve();
    const client = new pg.Client({ connectionString: url });
    this.connecting = client
      .connect()
      .then(() => client.query(`LISTEN ${CHANGE_CHANNEL}`))
      .then(() => {
        this.client = client;
        this.changesHeard++;
        client.on("notification", (msg) => this.onNotification(msg.payload));
        client.on("error", (err) => this.onDisconnect(err));
        client.on("end", () => this.onDisconnect(null));
        if (this.lost) this.broadcast({ type: "resync" });
        this.lost = false;
      })
      .catch((err) => this.onDisconnect(err))
      .finally(() => {
        this.connecting = null;
      });
    return this.connecting;
  }

  private onDisconnect(err: unknown): void {
    if (err) logger.warn({ err }, "change feed connection lost");
    if (this.client) void this.client.end().catch(() => {});
    this.client = null;
    this.lost = true;
    this.retryAt = Date.now() + RECONNECT_MS;
    setTimeout(() => {
      if (this.subscribers.size > 0) void this.ensureConnected();
    }, RECONNECT_MS).unref();
  }

  private onNotification(payload: string | undefined): void {
    this.changesHeard++;
    // Listening for shared reads alone: nobody to send the changed jobs to.
    if (!payload || this.subscribers.size === 0) return;
    let message: ChangeMessage;
    try {
      message = JSON.parse(payload) as ChangeMessage;
    } catch {
      return;
    }
    if (message.t === "jobs") for (const id of message.ids) this.pendingJobIds.add(id);
    else if (message.t === "incidents") this.pendingIncidents = true;
    else if (message.t === "source") this.pendingSources.add(message.s);
    // A target change concerns shared reads of history alone (dataVersion), no stream.
    else return;
    this.flushTimer ??= setTimeout(() => void this.flush(), COALESCE_MS);
  }

  private async flush(): Promise<void> {
    this.flushTimer = null;
    const ids = [...this.pendingJobIds];
    const sources = [...this.pendingSources];
    this.pendingJobIds.clear();
    this.pendingSources.clear();
    if (this.pendingIncidents) this.broadcast({ type: "incidents" });
    this.pendingIncidents = false;
    for (const sourceId of sources) this.broadcast({ type: "source", sourceId });
    if (ids.length === 0) return;
    try {
      const jobs = await getJobSummaries(ids);
      if (jobs.length > 0) this.broadcast({ type: "jobs", jobs });
    } catch (err) {
      logger.warn({ err }, "change feed could not read changed jobs");
    }
  }

  /**
   * Subscribers whose topics pick the same jobs out of an event get the same object, which
   * lib/live/sse-response encodes once for all of them (a wall of 1,000 screens is one frame).
   */
  private broadcast(event: StreamEvent): void {
    const shared = new Map<string, StreamEvent>();
    for (const [fn, topic] of this.subscribers) {
      const mine = eventForTopic(topic, event);
      if (!mine) continue;
      if (mine === event || mine.type !== "jobs") {
        fn(mine);
        continue;
      }
      const key = mine.jobs.map((j) => j.id).join(",");
      const same = shared.get(key) ?? mine;
      shared.set(key, same);
      fn(same);
    }
  }

  /** Ends the LISTEN connection (tests; a web process keeps it for its lifetime). */
  async close(): Promise<void> {
    this.subscribers.clear();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}

const globalForFeed = globalThis as typeof globalThis & { jobdeckChangeFeed?: ChangeFeed };

export function changeFeed(): ChangeFeed {
  globalForFeed.jobdeckChangeFeed ??= new ChangeFeed();
  return globalForFeed.jobdeckChangeFeed;
}

/** For tests that own their database: make changeFeed() listen there. */
export function setChangeFeed(feed: ChangeFeed): void {
  globalForFeed.jobdeckChangeFeed = feed;
}
