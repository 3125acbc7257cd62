import type { Actor } from "@/lib/domain/actor";
import { bearerApiToken } from "./api-token";
import { verifyApiToken } from "./api-tokens";
import { getAuth } from "./auth";
import { bearerDisplayToken, cookieDisplayToken } from "./display-cookie";
import { findActiveDisplayToken } from "./display-tokens";
import { toRole } from "./role";
import { recentSession, rememberSession } from "./recent-sessions";
import { isSecureRequest } from "./secure-request";

/** Who is calling, or why an API token they sent was refused (the API says which, rather than a bare 401). */
export type Caller = { actor: Actor | null } | { rejected: "unknown" | "revoked" | "expired" };

/**
 * The caller of an API request. An explicit bearer token comes first (a display token, or a
 * script's API token, which is never silently downgraded to anonymous or to a cookie's session);
 * then the session, so a person who once opened a wall link in their browser keeps their own role;
 * then the display cookie a wall screen holds.
 */
export async function resolveCaller(request: Request): Promise<Caller> {
  const bearer = bearerDisplayToken(request);
  if (bearer) return { actor: await displayActor(bearer) };
  const apiToken = bearerApiToken(request);
  if (apiToken) {
    const verdict = await verifyApiToken(apiToken);
    return verdict.ok ? { actor: verdict.actor } : { rejected: verdict.reason };
  }
  const user = await sessionActor(request);
  if (user) return { actor: user };
  const cookie = cookieDisplayToken(request);
  return { actor: cookie ? await displayActor(cookie) : null };
}

/** The caller, or null when anonymous or their token was refused. */
export async function getActor(request: Request): Promise<Actor | null> {
  const caller = await resolveCaller(request);
  return "actor" in caller ? caller.actor : null;
}

/**
 * The signed-in person a session cookie names. A read reuses what the same cookie resolved to in
 * the last few seconds (lib/auth/recent-sessions); an action always asks the database.
 */
async function sessionActor(request: Request): Promise<Actor | null> {
  const secure = isSecureRequest(request);
  const cookies = request.headers.get("cookie");
  const read = request.method === "GET" || request.method === "HEAD";
  const key = read && cookies ? `${secure ? "https" : "http"}\n${cookies}` : null;
  const recent = key ? recentSession(key) : undefined;
  if (recent) return recent;
  const session = await getAuth(secure).api.getSession({
    headers: request.headers,
    // Refreshing here would extend the session without re-sending its cookie; /api/me refreshes both.
    query: { disableRefresh: true },
  });
  if (!session) return null;
  const actor: Actor = {
    kind: "user",
    id: session.user.id,
    name: session.user.name || session.user.email,
    email: session.user.email,
    role: toRole(session.user.role),
  };
  if (key) rememberSession(key, actor, session.session.expiresAt);
  return actor;
}

async function displayActor(token: string): Promise<Actor | null> {
  const display = await findActiveDisplayToken(token);
  return display ? { kind: "display", id: display.id, name: display.name, role: "viewer" } : null;
}
