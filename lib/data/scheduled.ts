import type { ScheduledView } from "@/lib/contracts/explorer";
import { getDb, type Tx } from "@/lib/db/client";

/**
 * Future jobs the vendors announced (DFM schedules) starting in [from, to), soonest first. A slot
 * already past has either run (and is a job now) or never will, so only those still ahead are listed.
 */
export async function listScheduled(
  window: { from: Date; to: Date; limit: number; now: Date },
  db: Tx = getDb(),
): Promise<ScheduledView[]> {
  const rows = await db.scheduledJob.findMany({
    where: {
      startsAt: {
        gte: new Date(Math.max(window.from.getTime(), window.now.getTime())),
        lt: window.to,
      },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: window.limit,
    include: { source: { select: { name: true, kind: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.sourceId,
    sourceName: r.source.name,
    kind: r.source.kind,
    vendorId: r.vendorId,
    name: r.name,
    type: r.type,
    dataset: r.dataset,
    policy: r.policy,
    startsAt: r.startsAt.toISOString(),
  }));
}
