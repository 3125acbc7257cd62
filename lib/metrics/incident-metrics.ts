import type { Tx } from "@/lib/db/client";
import type { IncidentStatus } from "@/lib/generated/prisma/client";
import type { Count } from "./readings";

const STATES: readonly IncidentStatus[] = ["open", "acknowledged", "resolved"];

/** Incidents by status for `jobdeck_incidents{state}`; every state is reported, zero included, so a rate() has a series. */
export async function collectIncidentMetrics(db: Tx): Promise<Count[]> {
  const rows = await db.incident.groupBy({ by: ["status"], _count: { _all: true } });
  const byStatus = new Map(rows.map((r) => [r.status, r._count._all]));
  return STATES.map((state) => ({ labels: { state }, value: byStatus.get(state) ?? 0 }));
}
