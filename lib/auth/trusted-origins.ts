import { env } from "@/lib/env";
import { isSecureRequest } from "./secure-request";

/**
 * The origin a browser is at when it sends this request: the address it was opened by (Host, or
 * the proxy's X-Forwarded-Host, the same rule as the API's same-origin check). Under `next start`
 * the request URL always says `localhost`, so without this a demo opened at 127.0.0.1, the
 * machine's name or its address refused every sign-in. A cross-site form cannot set Host to our
 * address and keep its own Origin, so trusting this origin trusts same-origin requests only.
 */
export function requestOrigin(request: Pick<Request, "headers" | "url">): string | null {
  const host =
    request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  if (!host) return null;
  return `${isSecureRequest(request) ? "https" : "http"}://${host.toLowerCase()}`;
}

/**
 * better-auth's `trustedOrigins`: with JOBDECK_PUBLIC_URL set (production) only that URL is
 * trusted, which better-auth already does through `baseURL`; otherwise the request's own origin.
 */
export function trustedOrigins(request?: Request): string[] {
  if (env().JOBDECK_PUBLIC_URL || !request) return [];
  const origin = requestOrigin(request);
  return origin ? [origin] : [];
}
