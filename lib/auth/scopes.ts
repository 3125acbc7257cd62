/**
 * What a wall display's token may read: the wall's own snapshot, the live stream it listens to,
 * and who it is. Every other API route answers 403 to a display token, so a token taken from a
 * screen in a NOC does not read the audit trail, sources, vendor logs or exports.
 */
export const DISPLAY_TOKEN_ROUTES: ReadonlySet<string> = new Set([
  "/api/wall",
  "/api/stream",
  "/api/me",
]);

export function displayTokenMayRead(method: string, pathname: string): boolean {
  return (
    (method === "GET" || method === "HEAD") &&
    DISPLAY_TOKEN_ROUTES.has(pathname.replace(/\/+$/, ""))
  );
}

export const METRICS_PATH = "/api/metrics";

/** A metrics-scoped API token, handed to a Prometheus server, reads the metrics and nothing else. */
export function metricsTokenMayRead(method: string, pathname: string): boolean {
  return (method === "GET" || method === "HEAD") && pathname.replace(/\/+$/, "") === METRICS_PATH;
}
