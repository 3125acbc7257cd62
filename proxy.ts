import { NextResponse, type NextRequest } from "next/server";
import { newNonce, securityHeadersFor } from "@/lib/http/security-headers";

/**
 * Every page gets a fresh script nonce, handed to Next.js through the request's CSP header (it
 * stamps the nonce on its own scripts while rendering), and the security headers on the response.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeadersFor(request, nonce);
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
