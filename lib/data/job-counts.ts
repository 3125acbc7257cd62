import type { JobCounts, VendorCounts } from "@/lib/contracts/explorer";
import { getDb, type Tx } from "@/lib/db/client";
import { SOURCE_KINDS, type SourceKind } from "@/lib/domain/source-kind";

const DAY_MS = 24 * 3600_000;

/**
 * Running and queued now (jobs the vendor still lists), and failed in the 24 h before `now`
 * (by end time, else by start): every vendor appears, zeros included, so the header never jumps.
 */
export async function countJobsByVendor(
  now: Date = new Date(),
  db: Tx = getDb(),
): Promise<JobCounts> {
  const since = new Date(now.getTime() - DAY_MS);
  const [active, failed] = await Promise.all([
    db.job.groupBy({
      by: ["kind", "state"],
      where: { state: { in: ["running", "queued"] }, goneAt: null },
      _count: { _all: true },
    }),
    db.job.groupBy({
      by: ["kind"],
      where: {
        state: "failed",
        OR: [
          { endedAt: { gte: since, lte: now } },
          { endedAt: null, sortAt: { gte: since, lte: now } },
        ],
      },
      _count: { _all: true },
    }),
  ]);
  const byKind = new Map<SourceKind, VendorCounts>(
    SOURCE_KINDS.map((kind) => [kind, { kind, running: 0, queued: 0, failed24h: 0 }]),
  );
  for (const row of active) {
    const v = byKind.get(row.kind);
    if (v && (row.state === "running" || row.state === "queued")) v[row.state] = row._count._all;
  }
  for (const row of failed) {
    const v = byKind.get(row.kind);
    if (v) v.failed24h = row._count._all;
  }
  return { since: since.toISOString(), vendors: [...byKind.values()] };
}
