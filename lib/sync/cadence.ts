const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * How long until a source is polled again: the fast cadence while it has work in flight (so
 * progress looks live), the normal one when idle, and exponential backoff while it keeps failing.
 */
export function nextPollDelayMs(
  source: { pollIntervalMs: number; fastPollIntervalMs: number; consecutiveFailures: number },
  hasActiveJobs: boolean,
): number {
  if (source.consecutiveFailures > 0) {
    const backoff = source.pollIntervalMs * 2 ** Math.min(source.consecutiveFailures - 1, 10);
    return Math.min(Math.max(backoff, source.pollIntervalMs), Math.max(MAX_BACKOFF_MS, source.pollIntervalMs));
  }
  return hasActiveJobs ? Math.min(source.fastPollIntervalMs, source.pollIntervalMs) : source.pollIntervalMs;
}
