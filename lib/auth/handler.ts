import { getAuth } from "./auth";
import { isSecureRequest } from "./secure-request";

/** better-auth's own endpoints under /api/auth (sign-in, sign-out, SSO callback), cookie security per request. */
export function handleAuthRequest(request: Request): Promise<Response> {
  return getAuth(isSecureRequest(request)).handler(request);
}

/**
 * Set-Cookie headers that extend a signed-in session (better-auth's rolling refresh, at most once
 * per updateAge), for endpoints the browser calls regularly such as /api/me.
 */
export async function refreshedSessionCookies(request: Request): Promise<string[]> {
  const { headers } = await getAuth(isSecureRequest(request)).api.getSession({ headers: request.headers, returnHeaders: true });
  return headers.getSetCookie();
}
