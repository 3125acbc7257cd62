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
