import type { Tx } from "@/lib/db/client";
import type { Count } from "./readings";

/**
 * Open, acknowledged and resolved incidents for `jobdeck_incidents{state}`. Issue #19's alerting
 * half adds the Incident model on another branch; once it is merged, this counts its rows by
 * status (`SELECT status, count(*) FROM "Incident" GROUP BY status`). Until then there are none.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the signature the incident query will need
export async function collectIncidentMetrics(_db: Tx): Promise<Count[]> {
  return [];
}
