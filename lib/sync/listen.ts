import pg from "pg";
import { logger } from "@/lib/log";

export interface Listener {
  close(): Promise<void>;
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * A LISTEN connection that reconnects: a database restart or a dropped connection would otherwise
 * leave the worker deaf to pokes for good. `onReconnect` runs after each re-LISTEN, since anything
 * sent while it was down was lost. `onConnect` runs on each new connection before it listens (the
 * worker takes its liveness lock there: see lib/sync/leases.ts).
 */
export async function listenWithReconnect(
  databaseUrl: string,
  channel: string,
  onMessage: (payload: string) => void,
  onReconnect: () => void,
  onConnect?: (client: pg.Client) => Promise<void>,
): Promise<Listener> {
  let closed = false;
  let client: pg.Client | null = null;
  let retryMs = RETRY_MIN_MS;
  let timer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl });
    c.on("notification", (msg) => {
      if (msg.channel === channel && msg.payload) onMessage(msg.payload);
    });
    c.on("error", (err) => {
      logger.warn({ err }, "worker LISTEN connection error");
      drop(c);
    });
    c.on("end", () => drop(c));
    try {
      await c.connect();
      await onConnect?.(c);
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      await c.end().catch(() => {});
      throw err;
    }
    client = c;
    retryMs = RETRY_MIN_MS;
  };

  const drop = (c: pg.Client) => {
    if (client !== c && client !== null) return;
    client = null;
    c.end().catch(() => {});
    schedule();
  };

  const schedule = () => {
    if (closed || timer) return;
    const wait = retryMs;
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    timer = setTimeout(() => {
      timer = null;
      if (closed || client) return;
      connect()
        .then(() => {
          logger.info({ channel }, "worker LISTEN reconnected");
          onReconnect();
        })
        .catch((err) => {
          logger.warn({ err }, "worker LISTEN reconnect failed");
          schedule();
        });
    }, wait);
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
