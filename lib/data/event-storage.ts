import { getDb, type Tx } from "@/lib/db/client";

/**
 * Event storage upkeep: JobEvent, JobSample and JobLogLine are partitioned by month (migration
 * 20261201050124_partition_event_storage, whose SQL functions these call).
 */

/**
 * Creates this month's and the next `monthsAhead` months' partitions of each table where missing, and
 * a partition for every month that has rows in a default partition (history older than the oldest
 * month). Idempotent: returns how many partitions it created, 0 when all were there.
 */
export async function maintainPartitions(monthsAhead: number, db: Tx = getDb()): Promise<number> {
  const rows = await db.$queryRaw<Array<{ created: number }>>`
    SELECT jobdeck_maintain_partitions(${monthsAhead}::int) AS created`;
  return rows[0]?.created ?? 0;
}

export interface EventPartition {
  name: string;
  /** The first instant it holds; null for the default partition. */
  from: Date | null;
  rows: number;
}

/** JobEvent's partitions, oldest first, with their estimated row counts (planner statistics). */
export async function eventPartitions(db: Tx = getDb()): Promise<EventPartition[]> {
  const rows = await db.$queryRaw<Array<{ name: string; from: Date | null; rows: number }>>`
    SELECT c.oid::regclass::text AS name,
      substring(pg_get_expr(c.relpartbound, c.oid) FROM 'FROM [(]''([^'']+)''[)]')::timestamp AS "from",
      greatest(c.reltuples, 0)::float8 AS rows
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = '"JobEvent"'::regclass
    ORDER BY 2 NULLS FIRST`;
  return rows;
}

/**
 * Drops the raw vendor payload of every event that happened before `cutoff`: one statement per
 * partition that can hold such events (each its own transaction, so a first purge of a large estate
 * never holds one long transaction). The event rows, and the job, its phases and its outcome, stay.
 */
export async function purgeEventPayloads(
  cutoff: Date,
  db: Tx = getDb(),
): Promise<{ partitions: number; rows: number }> {
  let partitions = 0;
  let rows = 0;
  for (const part of await eventPartitions(db)) {
    if (part.from !== null && part.from >= cutoff) continue;
    const out = await db.$queryRaw<Array<{ n: bigint }>>`
      SELECT jobdeck_purge_event_payloads(${part.name}::regclass, ${cutoff}::timestamp(3)) AS n`;
    partitions++;
    rows += Number(out[0]?.n ?? 0);
  }
  return { partitions, rows };
}
