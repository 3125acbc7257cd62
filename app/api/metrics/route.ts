import { env } from "@/lib/env";
import { forbidden, notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { scrapeMetrics } from "@/lib/metrics/scrape";

export const dynamic = "force-dynamic";

/**
 * Prometheus scrape endpoint, off unless JOBDECK_METRICS=on. Read by a metrics-scoped API token
 * (what a Prometheus server is given) or by an admin; everyone else gets 403.
 */
export const GET = route({ role: "viewer" }, async ({ actor }) => {
  if (!env().JOBDECK_METRICS)
    throw notFound("Metrics are off: set JOBDECK_METRICS=on to serve them.");
  if (!(actor.scope === "metrics" || actor.role === "admin"))
    throw forbidden("Metrics are read with a metrics API token or by an admin.");
  const { body, contentType } = await scrapeMetrics();
  return new Response(body, {
    headers: { "content-type": contentType, "cache-control": "no-store" },
  });
});
