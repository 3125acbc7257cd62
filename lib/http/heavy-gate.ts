import { env } from "@/lib/env";
import { HttpError } from "./problem";

/**
 * Routes whose queries scan a lot (exports, the zoomed-out timeline, history aggregates). A few of
 * them at once per web process; past that, 503 with Retry-After right away, so a burst of exports
 * cannot take every database connection from people loading pages. The exports hold a slot while
 * they stream (lib/http/route.ts); the timeline and the history summary take theirs inside their
 * shared read (inHeavySlot), so screens answered by one read hold one slot between them.
 */
export const HEAVY_ROUTES: ReadonlySet<string> = new Set([
  "/api/jobs/export",
  "/api/audit/export",
  "/api/history/export",
]);

const RETRY_AFTER_SECONDS = 5;

const busy = () =>
  new HttpError(
    503,
    "Busy",
    "Jobdeck is already running as many heavy reports as it allows at once. Try again in a few seconds.",
    undefined,
    RETRY_AFTER_SECONDS,
  );

/**
 * One count per process: scripts/web.ts serves some heavy routes itself (lib/endpoints) and Next.js
 * serves the others from its own bundled copy of this module, and both must draw on the same slots.
 */
const gate = globalThis as typeof globalThis & { jobdeckHeavyRunning?: number };

/** A slot for one heavy request, released by the returned function (once, however often called). */
export function acquireHeavySlot(): () => void {
  const running = gate.jobdeckHeavyRunning ?? 0;
  if (running >= env().JOBDECK_HEAVY_CONCURRENCY) throw busy();
  gate.jobdeckHeavyRunning = running + 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    gate.jobdeckHeavyRunning = (gate.jobdeckHeavyRunning ?? 1) - 1;
  };
}

/** Runs a heavy read answered whole (not streamed) in a slot, given back when it settles. */
export async function inHeavySlot<T>(read: () => Promise<T>): Promise<T> {
  const release = acquireHeavySlot();
  try {
    return await read();
  } finally {
    release();
  }
}

/**
 * How long a response may go unread before its slot is given back. A browser that navigates away
 * mid-response does not always cancel the stream, and a slot held forever would turn every later
 * heavy request into 503; the slot only guards database work, which happens while the client reads.
 */
export const HEAVY_IDLE_RELEASE_MS = 15_000;

/**
 * A streamed export holds its slot until the last byte is sent, the client goes away (the request's
 * signal, or the stream cancelled), or nothing is read for `idleMs`.
 */
export function releaseWhenSent(
  response: Response,
  release: () => void,
  signal?: AbortSignal,
  idleMs: number = HEAVY_IDLE_RELEASE_MS,
): Response {
  if (!response.body) {
    release();
    return response;
  }
  let idle: NodeJS.Timeout | undefined;
  const done = () => {
    if (idle) clearTimeout(idle);
    signal?.removeEventListener("abort", done);
    release();
  };
  const waitForRead = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(done, idleMs);
    idle.unref?.();
  };
  if (signal?.aborted) done();
  else signal?.addEventListener("abort", done, { once: true });
  waitForRead();
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (idle) clearTimeout(idle);
      try {
        const { done: finished, value } = await reader.read();
        if (finished) {
          done();
          controller.close();
        } else {
          controller.enqueue(value);
          waitForRead();
        }
      } catch (err) {
        done();
        controller.error(err);
      }
    },
    async cancel(reason) {
      done();
      await reader.cancel(reason);
    },
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
