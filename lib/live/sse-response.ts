import type { StreamEvent, StreamTopic } from "@/lib/contracts/stream";
import { changeFeed, type ChangeFeed } from "./change-feed";

const HEARTBEAT_MS = 15_000;

/** An event's SSE frame, encoded once however many streams it is sent to (see ChangeFeed.broadcast). */
const frames = new WeakMap<StreamEvent, Uint8Array>();
const encoder = new TextEncoder();

function frameOf(event: StreamEvent): Uint8Array {
  let frame = frames.get(event);
  if (!frame) {
    frame = encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    frames.set(event, frame);
  }
  return frame;
}

export interface SseOptions {
  topic: StreamTopic;
  signal: AbortSignal;
  /** Asked every `recheckMs`: false (caller revoked, deleted, signed out) ends the stream. */
  stillAllowed: () => Promise<boolean>;
  recheckMs: number;
  /** Bytes a client may leave unread before it is dropped: a stalled reader must not grow server memory. */
  maxBufferedBytes: number;
  /** Runs once when the stream ends, however it ends. */
  onClose?: () => void;
  feed?: ChangeFeed;
}

/**
 * An SSE response fed by the change feed with only the changes the topic covers. Heartbeats let
 * clients (the wall display above all) tell a quiet stream from a dead one; `retry` tells browsers
 * how soon to reconnect.
 */
export function sseResponse(o: SseOptions): Response {
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let closed = false;
        const write = (bytes: Uint8Array) => {
          if (closed) return;
          // desiredSize is the room left under the high-water mark; past it the client is not reading.
          if ((controller.desiredSize ?? 0) <= 0) {
            cleanup();
            return;
          }
          try {
            controller.enqueue(bytes);
          } catch {
            cleanup();
          }
        };
        const send = (event: StreamEvent) => write(frameOf(event));
        write(encoder.encode("retry: 3000\n\n"));
        const unsubscribe = (o.feed ?? changeFeed()).subscribe(o.topic, send);
        send({ type: "heartbeat", at: new Date().toISOString() });
        const heartbeat = setInterval(
          () => send({ type: "heartbeat", at: new Date().toISOString() }),
          HEARTBEAT_MS,
        );
        const recheck = setInterval(() => {
          o.stillAllowed().then(
            (ok) => ok || cleanup(),
            () => cleanup(),
          );
        }, o.recheckMs);
        cleanup = () => {
          if (closed) return;
          closed = true;
          clearInterval(heartbeat);
          clearInterval(recheck);
          unsubscribe();
          o.onClose?.();
          try {
            controller.close();
          } catch {
            // already closed by the client going away
          }
        };
        o.signal.addEventListener("abort", () => cleanup(), { once: true });
      },
      cancel() {
        cleanup();
      },
    },
    { highWaterMark: o.maxBufferedBytes, size: (chunk) => chunk.byteLength },
  );
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
