import { getDb, type Tx } from "@/lib/db/client";
import { collectIncidentMetrics } from "./incident-metrics";
import { readMetrics } from "./read-metrics";
import { renderMetrics } from "./render";

/** One Prometheus scrape: readings from PostgreSQL, rendered in the text exposition format. */
export async function scrapeMetrics(
  db: Tx = getDb(),
  now = new Date(),
): Promise<{ body: string; contentType: string }> {
  const [readings, incidents] = await Promise.all([
    readMetrics(db, now),
    collectIncidentMetrics(db),
  ]);
  return renderMetrics(readings, incidents);
}
