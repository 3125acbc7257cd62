import { getDb, type Tx } from "@/lib/db/client";

export interface QuarantineSummary {
  count: number;
  /** The most recently seen unreadable records, newest first, for an admin to read. */
  latest: Array<{ recordKey: string; reason: string; raw: string; lastSeenAt: Date }>;
}

const LATEST = 5;
/** Enough of the raw record to recognise it on the sources page; the table keeps more. */
const RAW_PREVIEW = 600;

/** Per source: how many vendor records could not be read, and the latest few with their reasons. */
export async function quarantineBySource(
  sourceIds: string[],
  db: Tx = getDb(),
): Promise<Map<string, QuarantineSummary>> {
  const out = new Map<string, QuarantineSummary>();
  if (sourceIds.length === 0) return out;
  const rows = await db.$queryRaw<
    Array<{
      sourceId: string;
      count: bigint;
      recordKey: string;
      reason: string;
      raw: string;
      lastSeenAt: Date;
    }>
  >`
    SELECT q."sourceId", c.count, q."recordKey", q.reason, left(q.raw, ${RAW_PREVIEW}) AS raw, q."lastSeenAt"
    FROM (SELECT "sourceId", count(*) AS count FROM "QuarantinedRecord"
          WHERE "sourceId" = ANY(${sourceIds}::uuid[]) GROUP BY "sourceId") c
    CROSS JOIN LATERAL (
      SELECT "sourceId", "recordKey", reason, raw, "lastSeenAt" FROM "QuarantinedRecord"
      WHERE "sourceId" = c."sourceId" ORDER BY "lastSeenAt" DESC, id DESC LIMIT ${LATEST}) q`;
  for (const r of rows) {
    const entry = out.get(r.sourceId) ?? { count: Number(r.count), latest: [] };
    entry.latest.push({
      recordKey: r.recordKey,
      reason: r.reason,
      raw: r.raw,
      lastSeenAt: r.lastSeenAt,
    });
    out.set(r.sourceId, entry);
  }
  return out;
}
