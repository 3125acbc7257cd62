import { hitThrottle, maybePruneThrottles } from "@/lib/data/throttle";
import { clientAddress } from "./client-ip";
import { forbidden, HttpError } from "./problem";

/** Browsers send Origin on cross-site POSTs; a mismatch means another site is acting as the user. */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host =
    request.headers.get("x-forwarded-host") ??
    request.headers.get("host") ??
    new URL(request.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw forbidden("Cross-origin request refused.");
  }
  if (originHost !== host) throw forbidden("Cross-origin request refused.");
}

export async function assertUnderRate(
  request: Request,
  pathname: string,
  perMinute: number,
): Promise<void> {
  await maybePruneThrottles();
  const verdict = await hitThrottle(
    `route:${request.method} ${pathname}:${clientAddress(request)}`,
    perMinute,
    60_000,
  );
  if (verdict.allowed) return;
  const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  throw new HttpError(
    429,
    "Too many requests",
    `Too many requests from your network address. Wait ${seconds} seconds and try again.`,
    undefined,
    seconds,
  );
}
