import { isSecureRequest } from "@/lib/auth/secure-request";
import { env } from "@/lib/env";

/**
 * The response headers every page carries. Scripts run only from this origin or with the
 * per-request nonce Next.js stamps on its own inline scripts ('strict-dynamic' lets those load
 * their chunks); no 'unsafe-inline' for scripts. Styles keep 'unsafe-inline' because React and
 * Recharts set style attributes. Frames: none, unless JOBDECK_FRAME_ANCESTORS names the NOC
 * portals allowed to embed Jobdeck (the wall).
 */
export interface SecurityHeaderInput {
  nonce: string;
  frameAncestors: readonly string[];
  secure: boolean;
  dev: boolean;
}

export function contentSecurityPolicy({
  nonce,
  frameAncestors,
  dev,
}: Omit<SecurityHeaderInput, "secure">): string {
  return [
    "default-src 'self'",
    // Next's dev overlay and React's dev stack traces use eval; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(" ") : "'none'"}`,
  ].join("; ");
}

export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(input),
    // Older browsers that ignore frame-ancestors: refuse framing unless some portal is allowed
    // (X-Frame-Options cannot name several origins, so it is left out then and CSP decides).
    ...(input.frameAncestors.length ? {} : { "x-frame-options": "DENY" }),
    "referrer-policy": "same-origin",
    "x-content-type-options": "nosniff",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
    // Only over HTTPS: on plain http a browser ignores it, and a test install must stay reachable.
    ...(input.secure ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** A fresh script nonce: one per response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

/** The security headers for a response to `request`, with this deployment's settings. */
export function securityHeadersFor(request: Request, nonce: string): Record<string, string> {
  const { NODE_ENV, JOBDECK_FRAME_ANCESTORS } = env();
  return securityHeaders({
    nonce,
    frameAncestors: JOBDECK_FRAME_ANCESTORS,
    secure: isSecureRequest(request),
    dev: NODE_ENV === "development",
  });
}
