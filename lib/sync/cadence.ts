import type { SourceKind } from "@/lib/domain/source-kind";

/**
 * The longest a source may go unpolled, whatever its settings or failures: below what the vendor
 * keeps. ONTAP deletes a finished job about 300 s after it ends (ONTAP 9.12.1 cluster/jobs doc),
 * so a poll gap plus an expired crashed worker's lease (LEASE_MS) must stay well under that. The
 * others keep days of history; a quarter hour bounds how stale a failing source's view gets.
 */
export const MAX_POLL_GAP_MS: Record<SourceKind, number> = {
  ontap: 60_000,
  dfm: 15 * 60_000,
  eyeglass: 15 * 60_000,
  commvault: 15 * 60_000,
  spp: 15 * 60_000,
};

/**
 * How long until a source is polled again: the fast cadence while it has work in flight (so
 * progress looks live), the normal one when idle, and exponential backoff with jitter while it
 * keeps failing (so many failing sources do not retry in lockstep), never past the kind's ceiling.
 */
export function nextPollDelayMs(
  source: {
    kind: SourceKind;
    pollIntervalMs: number;
    fastPollIntervalMs: number;
    consecutiveFailures: number;
  },
  hasActiveJobs: boolean,
  rand: () => number = Math.random,
): number {
  const ceiling = MAX_POLL_GAP_MS[source.kind];
  const interval = Math.min(source.pollIntervalMs, ceiling);
  if (source.consecutiveFailures > 0) {
    const backoff = Math.min(interval * 2 ** Math.min(source.consecutiveFailures - 1, 10), ceiling);
    return Math.round(backoff * (0.75 + rand() * 0.25));
  }
  return hasActiveJobs ? Math.min(source.fastPollIntervalMs, interval) : interval;
}
