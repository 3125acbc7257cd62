import type { StreamEvent } from "@/lib/api/stream-types";
import { changeFeed } from "./change-feed";

const HEARTBEAT_MS = 15_000;

/**
 * An SSE response fed by the change feed. Heartbeats let clients (the wall display above all) tell a
 * quiet stream from a dead one; `retry` tells browsers how soon to reconnect.
 */
export function sseResponse(signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: StreamEvent) => {
        try {
          controller.enqueue(encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`));
        } catch {
          cleanup();
        }
      };
      controller.enqueue(encoder.encode("retry: 3000\n\n"));
      const unsubscribe = changeFeed().subscribe(send);
      send({ type: "heartbeat", at: new Date().toISOString() });
      const heartbeat = setInterval(() => send({ type: "heartbeat", at: new Date().toISOString() }), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      signal.addEventListener("abort", () => cleanup(), { once: true });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
