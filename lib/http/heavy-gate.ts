import { env } from "@/lib/env";
import { HttpError } from "./problem";

/**
 * Routes whose queries scan a lot (exports, the zoomed-out timeline, history aggregates). A few of
 * them at once per web process; past that, 503 with Retry-After right away, so a burst of exports
 * cannot take every database connection from people loading pages.
 */
export const HEAVY_ROUTES: ReadonlySet<string> = new Set([
  "/api/jobs/export",
  "/api/audit/export",
  "/api/history/export",
  "/api/history/summary",
  "/api/timeline",
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

let running = 0;

/** A slot for one heavy request, released by the returned function (once, however often called). */
export function acquireHeavySlot(): () => void {
  if (running >= env().JOBDECK_HEAVY_CONCURRENCY) throw busy();
  running++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running--;
  };
}

/** A streamed export holds its slot until the last byte is sent (or the client goes away). */
export function releaseWhenSent(response: Response, release: () => void): Response {
  if (!response.body) {
    release();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else controller.enqueue(value);
      } catch (err) {
        release();
        controller.error(err);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
