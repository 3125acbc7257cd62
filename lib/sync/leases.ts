import type pg from "pg";
import type { Db, Tx } from "@/lib/db/client";
import type { SourceKind } from "@/lib/domain/source-kind";

export interface ClaimedSource {
  id: string;
  kind: SourceKind;
  name: string;
  cursor: unknown;
  pollIntervalMs: number;
  fastPollIntervalMs: number;
  consecutiveFailures: number;
  timeoutMs: number;
}

/**
 * Advisory lock class of a worker's liveness lock: a running worker holds (WORKER_LOCK_CLASS,
 * hashtext(its id)) on its LISTEN connection. PostgreSQL releases a session's locks the moment its
 * connection ends, so a killed worker's leases are free to take at once instead of after they
 * expire (LEASE_MS). A worker cut off from the database loses its lock too; its writes are then
 * refused by fenceLease, as after any lost lease.
 */
export const WORKER_LOCK_CLASS = 0x4a44;

/** Takes the worker's liveness lock on `client`; false when a live worker with the same id holds it. */
export async function holdWorkerLock(client: pg.Client, workerId: string): Promise<boolean> {
  const res = await client.query<{ ok: boolean }>(
    "SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok",
    [WORKER_LOCK_CLASS, workerId],
  );
  return res.rows[0]?.ok === true;
}

/**
 * Takes up to `limit` due sources for this worker. SKIP LOCKED lets several workers claim at once
 * without waiting on each other; a lease whose owner holds no liveness lock in this database (the
 * worker died) is free at once, and any other when it expires.
 */
export async function claimDueSources(
  db: Db,
  workerId: string,
  limit: number,
  leaseMs: number,
): Promise<ClaimedSource[]> {
  if (limit <= 0) return [];
  return db.$queryRaw<ClaimedSource[]>`
    UPDATE "Source" s SET "leaseOwner" = ${workerId},
      "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE s.id IN (
      SELECT id FROM "Source"
      WHERE enabled AND "nextPollAt" <= now() AND ("leaseUntil" IS NULL OR "leaseUntil" < now()
        OR NOT EXISTS (
          SELECT 1 FROM pg_locks l
          WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND l.classid = ${WORKER_LOCK_CLASS}::int::oid
            AND l.objid = hashtext("leaseOwner")::oid))
      ORDER BY "nextPollAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING s.id, s.kind::text AS kind, s.name, s.cursor, s."pollIntervalMs", s."fastPollIntervalMs",
      s."consecutiveFailures", s."timeoutMs"`;
}

/** A poll's writes are refused once another worker holds the source: it polled it more recently. */
export class LeaseLostError extends Error {
  constructor(sourceId: string, owner: string) {
    super(`lease on source ${sourceId} is no longer held by ${owner}`);
    this.name = "LeaseLostError";
  }
}

/**
 * Fencing for a poll's writes, inside their transaction: locks the source row only if this worker
 * still owns it, and extends the lease. A worker that lost its lease (it stalled past expiry and
 * another claimed the source) aborts the write instead of overwriting a newer cursor.
 */
export async function fenceLease(
  tx: Tx,
  sourceId: string,
  owner: string,
  leaseMs: number,
): Promise<void> {
  const held = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Source" WHERE id = ${sourceId}::uuid AND "leaseOwner" = ${owner} FOR UPDATE`;
  if (held.length === 0) throw new LeaseLostError(sourceId, owner);
  await tx.$executeRaw`
    UPDATE "Source" SET "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE id = ${sourceId}::uuid`;
}

/** Extends a running poll's lease; false when another worker has taken the source. */
export async function renewLease(
  db: Db,
  sourceId: string,
  owner: string,
  leaseMs: number,
): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE "Source" SET "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE id = ${sourceId}::uuid AND "leaseOwner" = ${owner}`;
  return n > 0;
}

export async function releaseLease(db: Db, sourceId: string, workerId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "Source" SET "leaseOwner" = NULL, "leaseUntil" = NULL
    WHERE id = ${sourceId}::uuid AND "leaseOwner" = ${workerId}`;
}

/** Makes a source due now (an operator acted on one of its jobs and wants to see the result). */
export async function makeDueNow(db: Db, sourceId: string): Promise<void> {
  await db.$executeRaw`UPDATE "Source" SET "nextPollAt" = now() WHERE id = ${sourceId}::uuid`;
}
