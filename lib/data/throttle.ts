import { getDb, type Tx } from "@/lib/db/client";

/** Whether a request may go ahead now; when not, how long until it may. */
export interface ThrottleVerdict {
  allowed: boolean;
  retryAfterMs: number;
}

/**
 * Counts one request against `key` in a fixed window of `windowMs`, atomically (one upsert, so
 * parallel requests and several web processes share the count), and refuses past `max` or while
 * the key is locked out.
 */
export async function hitThrottle(
  key: string,
  max: number,
  windowMs: number,
  now = new Date(),
  db: Tx = getDb(),
): Promise<ThrottleVerdict> {
  const windowFloor = new Date(now.getTime() - windowMs);
  const [row] = await db.$queryRaw<
    Array<{ hits: number; windowStart: Date; lockedUntil: Date | null }>
  >`
    INSERT INTO "Throttle" (key, hits, "windowStart", "updatedAt") VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN "Throttle"."windowStart" <= ${windowFloor} THEN 1 ELSE "Throttle".hits + 1 END,
      "windowStart" = CASE WHEN "Throttle"."windowStart" <= ${windowFloor} THEN ${now} ELSE "Throttle"."windowStart" END,
      "updatedAt" = ${now}
    RETURNING hits, "windowStart", "lockedUntil"`;
  if (!row) return { allowed: true, retryAfterMs: 0 };
  const locked =
    row.lockedUntil && row.lockedUntil > now ? row.lockedUntil.getTime() - now.getTime() : 0;
  if (locked > 0) return { allowed: false, retryAfterMs: locked };
  if (row.hits > max)
    return {
      allowed: false,
      retryAfterMs: Math.max(1, row.windowStart.getTime() + windowMs - now.getTime()),
    };
  return { allowed: true, retryAfterMs: 0 };
}

/** How long `key` stays locked out, 0 when it is not. */
export async function lockedFor(key: string, now = new Date(), db: Tx = getDb()): Promise<number> {
  const row = await db.throttle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil.getTime() - now.getTime() : 0;
}

/**
 * One more failure on `key`. From the `allowance`-th consecutive failure on, each one locks the key out for
 * twice as long as the last (from `baseMs`, at most `maxMs`): a person who mistypes waits seconds,
 * a guesser waits ever longer. Returns the lock-out now in force (0 for none).
 */
export async function recordThrottleFailure(
  key: string,
  allowance: number,
  baseMs: number,
  maxMs: number,
  now = new Date(),
  db: Tx = getDb(),
): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ failures: number }>>`
    INSERT INTO "Throttle" (key, hits, "windowStart", failures, "updatedAt") VALUES (${key}, 0, ${now}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET failures = "Throttle".failures + 1, "updatedAt" = ${now}
    RETURNING failures`;
  const over = (row?.failures ?? 0) - allowance + 1;
  if (over <= 0) return 0;
  const ms = Math.min(maxMs, baseMs * 2 ** Math.min(over - 1, 30));
  await db.throttle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + ms) } });
  return ms;
}

/** A success forgives earlier failures. */
export async function clearThrottleFailures(key: string, db: Tx = getDb()): Promise<void> {
  await db.throttle.updateMany({
    where: { key, failures: { gt: 0 } },
    data: { failures: 0, lockedUntil: null },
  });
}

/** Rows untouched for a day and not locked carry nothing worth keeping. */
export async function pruneThrottles(now = new Date(), db: Tx = getDb()): Promise<number> {
  const { count } = await db.throttle.deleteMany({
    where: {
      updatedAt: { lt: new Date(now.getTime() - 86_400_000) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
  });
  return count;
}

// One throttled request in this many also clears day-old rows, so the table stays small without a
// job of its own even when an attack brings many addresses.
const PRUNE_ONE_IN = 500;

export async function maybePruneThrottles(): Promise<void> {
  if (Math.random() * PRUNE_ONE_IN < 1) await pruneThrottles();
}
