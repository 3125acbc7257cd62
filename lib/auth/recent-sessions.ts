import type { Actor } from "@/lib/domain/actor";

/**
 * How long a read may reuse a session it looked up: every API request looked its session and user
 * up again (two queries of its four for a jobs page), though a screen sends several reads a second
 * with the same cookie. Actions never reuse one, and every change to users or sessions made through
 * this process forgets them all at once; a change made by another web process reaches this one's
 * reads within this time.
 */
export const RECENT_SESSION_MS = 5_000;
/** Distinct cookies remembered at most; the oldest go first. */
const MAX_REMEMBERED = 2_000;

interface Remembered {
  actor: Actor;
  until: number;
}

// One map per process: Next.js's bundle and scripts/web.ts's direct routes each load this module.
const store = globalThis as typeof globalThis & { jobdeckRecentSessions?: Map<string, Remembered> };
const remembered = () => (store.jobdeckRecentSessions ??= new Map());

/** The actor a read with this key (its session cookie) resolved to moments ago, if still fresh. */
export function recentSession(key: string, now: number = Date.now()): Actor | undefined {
  const hit = remembered().get(key);
  if (!hit) return undefined;
  if (hit.until > now) return hit.actor;
  remembered().delete(key);
  return undefined;
}

/** Remembers a session's actor for a few seconds, never past the session's own expiry. */
export function rememberSession(
  key: string,
  actor: Actor,
  expiresAt: Date,
  now: number = Date.now(),
): void {
  const map = remembered();
  map.delete(key);
  map.set(key, { actor, until: Math.min(now + RECENT_SESSION_MS, expiresAt.getTime()) });
  for (const oldest of map.keys()) {
    if (map.size <= MAX_REMEMBERED) break;
    map.delete(oldest);
  }
}

/** After anything that may end a session or change a user's role: the next read asks the database. */
export function forgetRecentSessions(): void {
  remembered().clear();
}
