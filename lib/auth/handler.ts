import { z } from "zod";
import { CLIENT_IP_HEADER, clientAddress } from "@/lib/http/client-ip";
import {
  asHttpError,
  errorResponse,
  HttpError,
  problemResponse,
  type Problem,
} from "@/lib/http/problem";
import { readBodyText } from "@/lib/http/read-body";
import { getAuth } from "./auth";
import { forgetRecentSessions } from "./recent-sessions";
import { isSecureRequest } from "./secure-request";
import { assertSignInAllowed, recordSignInOutcome } from "./sign-in-guard";

const AUTH_BODY_LIMIT = 16 * 1024;

// A person's name and email are what the audit trail shows beside their id: only an admin changes
// them (PATCH /api/users/:id, audited). Account deletion is an admin's job too.
const SELF_SERVICE_REFUSED = new Set(["/update-user", "/change-email", "/delete-user"]);

const signInBody = z.object({ email: z.string().max(254) }).loose();

/**
 * better-auth's own endpoints under /api/auth (sign-in, sign-out, password change, SSO callback),
 * behind Jobdeck's sign-in limits, a body-size cap, and one error format (problem+json).
 */
export async function handleAuthRequest(request: Request): Promise<Response> {
  try {
    const path = new URL(request.url).pathname.replace(/^\/api\/auth/, "");
    if (SELF_SERVICE_REFUSED.has(path)) {
      throw new HttpError(
        403,
        "Forbidden",
        "Your name and email are set by a Jobdeck admin (Users page), so the audit trail always names who acted.",
      );
    }
    const ip = clientAddress(request);
    const headers = new Headers(request.headers);
    headers.set(CLIENT_IP_HEADER, ip);
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    const text = hasBody ? await readBodyText(request, AUTH_BODY_LIMIT) : null;
    const forwarded = new Request(request.url, {
      method: request.method,
      headers,
      ...(text !== null ? { body: text } : {}),
    });
    const auth = getAuth(isSecureRequest(request));
    if (path !== "/sign-in/email" || request.method !== "POST") {
      const response = await auth.handler(forwarded);
      // Sign-out, a password change and session revocation end sessions reads may have just reused.
      if (hasBody) forgetRecentSessions();
      return toProblem(response);
    }
    const email = signInEmail(text);
    await assertSignInAllowed(ip, email);
    const response = await auth.handler(forwarded);
    if (response.status === 200 || response.status === 401)
      await recordSignInOutcome(ip, email, response.status === 200);
    return toProblem(response);
  } catch (err) {
    const problem = asHttpError(err);
    if (problem) {
      const response = errorResponse(problem);
      // The sign-in form has read better-auth's name for it since before Retry-After was sent.
      if (problem.retryAfterSeconds)
        response.headers.set("x-retry-after", String(problem.retryAfterSeconds));
      return response;
    }
    throw err;
  }
}

function signInEmail(text: string | null): string | null {
  try {
    const parsed = signInBody.safeParse(JSON.parse(text ?? ""));
    return parsed.success ? parsed.data.email.trim().toLowerCase() || null : null;
  } catch {
    return null;
  }
}

const betterAuthError = z
  .object({ message: z.string().optional(), code: z.string().optional() })
  .loose();

/** better-auth answers errors as {code, message}; Jobdeck's clients read problem+json everywhere. */
async function toProblem(response: Response): Promise<Response> {
  if (response.status < 400 || response.headers.get("content-type")?.includes("problem+json"))
    return response;
  const text = await response.text();
  let detail = response.statusText || "The request was refused.";
  let code: string | undefined;
  try {
    const parsed = betterAuthError.safeParse(JSON.parse(text));
    if (parsed.success) {
      detail = parsed.data.message ?? detail;
      code = parsed.data.code;
    }
  } catch {
    if (text.trim()) detail = text.trim().slice(0, 500);
  }
  const problem: Problem & { code?: string } = {
    type: `https://jobdeck.dev/problems/auth-${(code ?? String(response.status)).toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
    title:
      response.status === 429
        ? "Too many requests"
        : response.status === 401
          ? "Unauthorized"
          : response.status === 403
            ? "Forbidden"
            : "Bad request",
    status: response.status,
    detail,
    ...(response.status === 400 ? { errors: [{ parameter: "body", message: detail }] } : {}),
    ...(code ? { code } : {}),
  };
  const headers: Record<string, string> = {};
  for (const name of ["retry-after", "x-retry-after", "set-cookie"]) {
    const value = response.headers.get(name);
    if (value) headers[name] = value;
  }
  return problemResponse(problem, headers);
}

/**
 * Set-Cookie headers that extend a signed-in session (better-auth's rolling refresh, at most once
 * per updateAge), for endpoints the browser calls regularly such as /api/me.
 */
export async function refreshedSessionCookies(request: Request): Promise<string[]> {
  const { headers } = await getAuth(isSecureRequest(request)).api.getSession({
    headers: request.headers,
    returnHeaders: true,
  });
  return headers.getSetCookie();
}
