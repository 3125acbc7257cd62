import { VendorError, VendorHttpError } from "../errors";

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Exponential backoff with full jitter, for errors that say they are worth retrying. */
export async function withRetries<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < policy.attempts; attempt++) {
    try {
      return await fn();
    } catch (err) {
      lastError = err;
      const retryable = err instanceof VendorError && err.retryable;
      if (!retryable || attempt === policy.attempts - 1 || signal?.aborted) throw err;
      // A vendor that said when to come back (Retry-After on 429/503) is obeyed, with jitter on top
      // so sources that were throttled together do not return together.
      const asked = err instanceof VendorHttpError ? err.retryAfterMs : null;
      const wait = backoffMs(attempt, policy);
      await delay(asked === null ? wait : asked + wait / 2, signal);
    }
  }
  throw lastError;
}

export function backoffMs(
  attempt: number,
  policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">,
  rand = Math.random,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(cap / 2 + (rand() * cap) / 2);
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    // Removed when the wait ends, so a poll's many retries do not pile listeners onto its signal.
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
