/**
 * Requests in flight to one appliance at once, whatever asks (sync steps, detail fetches, an
 * operator's action): appliances serve their own consoles from the same web server, and public
 * clients (NetApp Harvest, cvpysdk) keep to a handful of connections.
 */
export const MAX_REQUESTS_PER_SOURCE = 4;

export class RequestLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve, reject) => {
        const go = () => {
          signal?.removeEventListener("abort", cancel);
          resolve();
        };
        const cancel = () => {
          const i = this.waiting.indexOf(go);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(signal?.reason ?? new Error("aborted"));
        };
        if (signal?.aborted) return cancel();
        signal?.addEventListener("abort", cancel, { once: true });
        this.waiting.push(go);
      });
    } else {
      this.active += 1;
    }
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` stays counted.
      if (next) next();
      else this.active -= 1;
    }
  }
}

const limiters = new Map<string, RequestLimiter>();

/** One limiter per appliance address: sources pointing at the same appliance share it. */
export function limiterFor(baseUrl: string): RequestLimiter {
  let key: string;
  try {
    key = new URL(baseUrl).origin;
  } catch {
    key = baseUrl;
  }
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new RequestLimiter(MAX_REQUESTS_PER_SOURCE);
    limiters.set(key, limiter);
  }
  return limiter;
}
