import { NextResponse, type NextRequest } from "next/server";
import { isSecureRequest } from "@/lib/auth/secure-request";
import { env } from "@/lib/env";
import { securityHeaders } from "@/lib/http/security-headers";

/**
 * Every page gets a fresh script nonce, handed to Next.js through the request's CSP header (it
 * stamps the nonce on its own scripts while rendering), and the security headers on the response.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const { NODE_ENV, JOBDECK_FRAME_ANCESTORS } = env();
  const headers = securityHeaders({
    nonce,
    frameAncestors: JOBDECK_FRAME_ANCESTORS,
    secure: isSecureRequest(request),
    dev: NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["content-security-policy"] ?? "");
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
