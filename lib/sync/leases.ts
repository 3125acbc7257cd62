import type { Db } from "@/lib/db/client";
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
 * Takes up to `limit` due sources for this worker. SKIP LOCKED lets several workers claim at once
 * without waiting on each other; the lease expiry hands a crashed worker's sources to the others.
 */
export async function claimDueSources(db: Db, workerId: string, limit: number, leaseMs: number): Promise<ClaimedSource[]> {
  if (limit <= 0) return [];
  return db.$queryRaw<ClaimedSource[]>`
    UPDATE "Source" s SET "leaseOwner" = ${workerId},
      "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE s.id IN (
      SELECT id FROM "Source"
      WHERE enabled AND "nextPollAt" <= now() AND ("leaseUntil" IS NULL OR "leaseUntil" < now())
      ORDER BY "nextPollAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING s.id, s.kind::text AS kind, s.name, s.cursor, s."pollIntervalMs", s."fastPollIntervalMs",
      s."consecutiveFailures", s."timeoutMs"`;
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
