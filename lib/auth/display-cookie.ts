import { env } from "@/lib/env";
import { problemResponse } from "@/lib/http/problem";
import { safeNext } from "@/lib/http/safe-redirect";
import { isSecureRequest } from "./secure-request";
import { findActiveDisplayToken } from "./display-tokens";

export const DISPLAY_COOKIE = "jobdeck.display";
export const DISPLAY_TOKEN_PARAM = "token";

// Browsers cap cookie lifetimes at 400 days; revocation, not expiry, is how a display loses access.
const DISPLAY_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

/** A display token sent as `Authorization: Bearer jdd_…` (scripts, kiosks that set headers). */
export function bearerDisplayToken(request: Pick<Request, "headers">): string | null {
  return request.headers.get("authorization")?.match(/^Bearer\s+(jdd_\S+)$/i)?.[1] ?? null;
}

/** The display token a wall screen's browser got from `?token=` (see enterWithDisplayToken). */
export function cookieDisplayToken(request: Pick<Request, "headers">): string | null {
  return readCookie(request.headers.get("cookie"), DISPLAY_COOKIE);
}

export interface DisplayCookieMode {
  /** Served over https (directly or behind a proxy that says so). */
  secure: boolean;
  /** The wall may be framed by another site (JOBDECK_FRAME_ANCESTORS names one). */
  embeddable: boolean;
}

/**
 * A wall framed by a NOC portal on another site is a third-party context: a SameSite=Lax cookie
 * is neither sent nor stored there, so the frame could never sign in. Only then, and only for the
 * display cookie (a token that reads nothing but the wall), SameSite=None, which browsers accept
 * only with Secure: an embedded wall must be served over https. Session cookies stay Lax always
 * (lib/auth/auth.ts), so a framing site can never ride an admin's session.
 */
export function displayCookieHeader(
  token: string,
  { secure, embeddable }: DisplayCookieMode,
): string {
  const site = embeddable
    ? ["SameSite=None", "Secure"]
    : ["SameSite=Lax", ...(secure ? ["Secure"] : [])];
  return [
    `${DISPLAY_COOKIE}=${token}`,
    "Path=/",
    `Max-Age=${DISPLAY_COOKIE_MAX_AGE}`,
    "HttpOnly",
    ...site,
  ].join("; ");
}

export function displayCookieMode(request: Request): DisplayCookieMode {
  return { secure: isSecureRequest(request), embeddable: env().JOBDECK_FRAME_ANCESTORS.length > 0 };
}

/**
 * For a page load like `/wall?token=jdd_…`: when the token is live, a redirect that sets the
 * display cookie, to `redirectTo` (a path on this site, else "/"; see safeNext) or by default the same URL without the token, so
 * the secret leaves the address bar and history; a 401 when the token is unknown or revoked; null
 * when the URL carries no token.
 */
export async function enterWithDisplayToken(
  request: Request,
  redirectTo?: string,
): Promise<Response | null> {
  const url = new URL(request.url);
  const token = url.searchParams.get(DISPLAY_TOKEN_PARAM);
  if (!token) return null;
  const display = await findActiveDisplayToken(token);
  if (!display) {
    return problemResponse({
      type: "https://jobdeck.dev/problems/display-token",
      title: "Unauthorized",
      status: 401,
      detail: "This display token is not valid or has been revoked. Ask an admin for a new one.",
      errors: [{ parameter: DISPLAY_TOKEN_PARAM, message: "is not a live display token" }],
    });
  }
  url.searchParams.delete(DISPLAY_TOKEN_PARAM);
  return new Response(null, {
    status: 303,
    headers: {
      location: safeNext(redirectTo ?? `${url.pathname}${url.search}`, "/"),
      "set-cookie": displayCookieHeader(token, displayCookieMode(request)),
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
    },
  });
}

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}
